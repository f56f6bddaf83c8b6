namespace ProfileHub.Core.Profiles;

/// <summary>One survived value of a golden profile, with its lineage: where it came from and which rule chose it.</summary>
public sealed class ProfileAttributeValue
{
    private ProfileAttributeValue()
    {
        Name = string.Empty;
        Value = string.Empty;
        Rule = string.Empty;
    }

    public ProfileAttributeValue(string name, string value, int ordinal, AttributeLineage lineage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
        Ordinal = ordinal;
        SourceRecordId = lineage.SourceRecordId;
        Source = lineage.Source;
        ObservedAt = lineage.ObservedAt?.ToUniversalTime();
        Rule = lineage.Rule;
        Pinned = lineage.Pinned;
    }

    public long Id { get; private set; }

    public Guid ProfileId { get; private set; }

    /// <summary>One of <see cref="AttributeNames"/>.</summary>
    public string Name { get; private set; }

    public string Value { get; private set; }

    /// <summary>0 for the survivor; multi-valued attributes (emails, phones) keep every value in order.</summary>
    public int Ordinal { get; private set; }

    public long? SourceRecordId { get; private set; }

    /// <summary>The connector name that supplied the value; null for a steward's pin.</summary>
    public string? Source { get; private set; }

    public DateTimeOffset? ObservedAt { get; private set; }

    /// <summary>The survivorship rule that decided: SourceTrust, MostRecent, MostFrequent, MostComplete, Pin.</summary>
    public string Rule { get; private set; }

    public bool Pinned { get; private set; }

    public AttributeLineage Lineage => new(SourceRecordId, Source, ObservedAt, Rule, Pinned);
}
