namespace ProfileHub.Core.Sources;

/// <summary>A postal address as the source gave it (normalization happens at matching time).</summary>
public sealed class PostalAddress
{
    public string? StreetNumber { get; set; }

    public string? Street { get; set; }

    public string? AddressLine2 { get; set; }

    public string? City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2 where known; also the default region for phone normalization.</summary>
    public string? Country { get; set; }
}
