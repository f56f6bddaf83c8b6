namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// A vendor endpoint that cannot be read at all (still failing after the bounded retries, refusing our
/// credentials): the run fails with this message so the failure reaches Quartz.
/// </summary>
public sealed class VendorApiException : Exception
{
    public VendorApiException()
    {
    }

    public VendorApiException(string message)
        : base(message)
    {
    }

    public VendorApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
