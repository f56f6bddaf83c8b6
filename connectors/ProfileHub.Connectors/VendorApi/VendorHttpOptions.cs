namespace ProfileHub.Connectors.VendorApi;

/// <summary>How hard a pulled connector retries a vendor's transient failures (429, 5xx, dropped connections).</summary>
internal sealed record VendorHttpOptions
{
    public static VendorHttpOptions Default { get; } = new();

    /// <summary>Retries after the first attempt; bounded so a dead endpoint fails the run instead of hanging it.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff when the vendor sends no Retry-After; doubles per attempt.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After honoured; a longer one is cut to this so one run stays bounded.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);
}
