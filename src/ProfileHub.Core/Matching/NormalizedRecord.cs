namespace ProfileHub.Core.Matching;

/// <summary>
/// A record's matching features as strings, produced by <see cref="FeatureExtractor"/> from the
/// normalizers' output (in parallel) before they are interned into a <see cref="FeatureTable"/>.
/// </summary>
internal sealed class NormalizedRecord
{
    public required string Id { get; init; }

    public string? Given { get; set; }

    public string? GivenCanonical { get; set; }

    public string? Family { get; set; }

    /// <summary>
    /// The words between the given and the family name of a name read from one full-name field, until
    /// <see cref="NameWordRoles.Settle"/> moves a surname among them into <see cref="Family"/>.
    /// </summary>
    public string? Middle { get; set; }

    /// <summary>Whether the names were read from one full-name field and are not yet settled by <see cref="NameWordRoles.Settle"/>.</summary>
    public bool NamesFromFullName { get; set; }

    /// <summary>Whether the names were read from the record's mailbox (<see cref="NameWordRoles.NameInMailbox"/>).</summary>
    public bool NamesFromMailbox { get; set; }

    /// <summary>NYSIIS code of the canonical given name (computed here, in the parallel phase).</summary>
    public string? GivenCode { get; set; }

    /// <summary>NYSIIS code of the given name as written, for blocking against a surname field.</summary>
    public string? GivenOwnCode { get; set; }

    public string? FamilyCode { get; set; }

    /// <summary>Birth date as yyyyMMdd digits when parsed, else the raw text's digits (for typo checks).</summary>
    public string? BirthKey { get; set; }

    public int BirthYear { get; set; }

    /// <summary>Birth date as a day number (<see cref="DateOnly.DayNumber"/>) + 1 when it parsed, else 0.</summary>
    public int BirthDay { get; set; }

    public string? StreetNumber { get; set; }

    public string? Street { get; set; }

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    public string? Gender { get; set; }

    public string? NationalId { get; set; }

    public string? LoyaltyId { get; set; }

    public string? SocialHandle { get; set; }

    public string? ExternalId { get; set; }

    public string? Source { get; set; }

    public List<string> Emails { get; } = [];

    public List<string> GmailKeys { get; } = [];

    public List<string> Phones { get; } = [];

    /// <summary>Notes about values that were kept but could not be normalized (for the run's report).</summary>
    public List<string>? Notes { get; set; }
}
