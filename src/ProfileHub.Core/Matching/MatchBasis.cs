using ProfileHub.Core.Stewardship;

namespace ProfileHub.Core.Matching;

/// <summary>
/// What a match run starts from: every source record as matching and survivorship read it, the profile each
/// matched record belongs to now, and the active steward constraints. The host loads it (one snapshot per
/// run); <see cref="MatchResolution"/> decides from it.
/// </summary>
public sealed record MatchBasis(
    IReadOnlyList<MatchRecord> Records,
    IReadOnlyDictionary<long, Guid> ProfileOfRecord,
    IReadOnlyList<StewardConstraint> Constraints);
