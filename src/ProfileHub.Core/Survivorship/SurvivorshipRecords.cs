namespace ProfileHub.Core.Survivorship;

/// <summary>One source record's value for one attribute of a golden profile.</summary>
/// <param name="Value">The normalized value (values are compared ordinally).</param>
/// <param name="SourceName">The source system ("shopify", "zendesk").</param>
/// <param name="SourceTrust">How far the source is trusted for this attribute, 0–100.</param>
/// <param name="ObservedAt">When the source last observed or updated the value.</param>
/// <param name="SourceRecordId">The source record that supplied it; the final, deterministic tiebreak.</param>
/// <param name="Completeness">How complete the value or its record is, higher is more complete.</param>
public sealed record AttributeCandidate(
    string Value,
    string SourceName,
    int SourceTrust,
    DateTimeOffset ObservedAt,
    string SourceRecordId,
    double Completeness);

/// <summary>A data steward's decision that an attribute takes this value whatever the rules say.</summary>
/// <param name="Value">The value the attribute takes.</param>
/// <param name="PinnedBy">The steward, as the audit trail names them.</param>
/// <param name="PinnedAt">When the pin was made.</param>
/// <param name="SourceRecordId">The record the steward chose the value from, when it came from one.</param>
public sealed record StewardPin(string Value, string PinnedBy, DateTimeOffset PinnedAt, string? SourceRecordId = null);

/// <summary>Where a survived value came from and why it survived.</summary>
public sealed record Lineage(
    string SourceRecordId,
    string SourceName,
    DateTimeOffset ObservedAt,
    SurvivorshipDecision DecidedBy,
    bool Pinned);

public sealed record SurvivedValue(string Value, Lineage Lineage);

/// <summary>
/// Equally trusted sources disagree: the rule chain still chose a survivor (by the next rule), and the
/// steward review queue shows these values, each with the best candidate that carried it.
/// </summary>
public sealed record SurvivorshipConflict(string Attribute, int SourceTrust, IReadOnlyList<AttributeCandidate> Candidates)
{
    public IEnumerable<string> Values => Candidates.Select(c => c.Value);
}

/// <summary>
/// The survived value(s) of one attribute: one for a single-valued attribute, every distinct value for a
/// multi-valued one (the first is the primary), each with its lineage.
/// </summary>
public sealed record SurvivorshipResult(
    string Attribute,
    IReadOnlyList<SurvivedValue> Values,
    IReadOnlyList<SurvivorshipConflict> Conflicts)
{
    public SurvivedValue? Survivor => Values.Count > 0 ? Values[0] : null;

    public bool HasConflict => Conflicts.Count > 0;
}
