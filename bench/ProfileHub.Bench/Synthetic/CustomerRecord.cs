namespace ProfileHub.Bench.Synthetic;

/// <summary>Which customer base <see cref="CustomerBase"/> generates: the three differ mainly in how names are spread.</summary>
internal enum CustomerBaseKind
{
    /// <summary>One surname holds about a third of the people (Nguyen in a Vietnamese base): strangers share full names.</summary>
    Concentrated,

    /// <summary>Thousands of surnames, none above 0.2% of the people.</summary>
    Diverse,

    /// <summary>Two surnames each, accents kept by some sources and dropped by others, Spanish phones and addresses.</summary>
    Spanish,
}

/// <summary>
/// One generated source record (one CSV row) and the person it truly belongs to. Properties are settable
/// because a record is filled attribute by attribute and numbered only after the arrival order is shuffled.
/// </summary>
internal sealed class CustomerRecord
{
    public string RecordId { get; set; } = string.Empty;

    public required string PersonId { get; init; }

    public required string Source { get; init; }

    public required string Country { get; init; }

    /// <summary>Ground truth, not written to the CSV: the person's own (first) surname, for the statistics.</summary>
    public required string Surname { get; init; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? FullName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? StreetNumber { get; set; }

    public string? Street { get; set; }

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    public string? BirthDate { get; set; }

    public string? LoyaltyId { get; set; }

    public string? SocialHandle { get; set; }

    /// <summary>True when the record holds a name and nothing else that identifies someone.</summary>
    public bool HasOnlyName =>
        (FirstName ?? LastName ?? FullName) is not null
        && (Email ?? Phone ?? StreetNumber ?? Street ?? City ?? PostalCode ?? BirthDate ?? LoyaltyId ?? SocialHandle) is null;
}
