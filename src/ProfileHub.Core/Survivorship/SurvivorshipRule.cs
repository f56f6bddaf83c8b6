namespace ProfileHub.Core.Survivorship;

/// <summary>A rule a policy may configure for an attribute; the chain's order is the order of precedence.</summary>
public enum SurvivorshipRule
{
    /// <summary>The candidate from the most trusted source (trust 0–100) wins.</summary>
    SourceTrust,

    /// <summary>The most recently observed candidate wins.</summary>
    MostRecent,

    /// <summary>The value most candidates agree on wins.</summary>
    MostFrequent,

    /// <summary>The candidate with the highest completeness wins.</summary>
    MostComplete,
}

/// <summary>What put a survived value where it is; recorded in its <see cref="Lineage"/>.</summary>
public enum SurvivorshipDecision
{
    /// <summary>A data steward pinned the value; a pin always wins.</summary>
    StewardPin,

    SourceTrust,
    MostRecent,
    MostFrequent,
    MostComplete,

    /// <summary>Every configured rule tied; the lowest source record id (ordinal) decided, so re-runs agree.</summary>
    SourceRecordId,

    /// <summary>All candidates carried the same value; the rule chain only chose which record to cite.</summary>
    Unanimous,

    /// <summary>The attribute is multi-valued and keeps every distinct value; the chain only orders them.</summary>
    KeptAsDistinct,
}
