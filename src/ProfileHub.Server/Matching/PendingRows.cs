using ProfileHub.Core.Matching;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;
using ProfileHub.Storage.Bulk;

namespace ProfileHub.Server.Matching;

/// <summary>
/// A membership a match run will write. It holds the engine's explanation, not its JSON: a rebuild writes
/// one row per record, and serializing them all before the bulk copy kept gigabytes of strings alive at a
/// million records. The JSON is made as each row is written.
/// </summary>
/// <param name="RecordId">The source record.</param>
/// <param name="ProfileId">The profile it belongs to after the run.</param>
/// <param name="Link">The strongest link holding the record in its profile; null for a seed record.</param>
/// <param name="OriginWithoutLink">Why an unlinked record is there: a seed, or a steward's must-link.</param>
/// <param name="At">When the run linked it.</param>
internal sealed record PendingMembership(long RecordId, Guid ProfileId, MatchExplanation? Link, LinkOrigin OriginWithoutLink, DateTimeOffset At)
    : IPendingRow<ProfileMembership>
{
    public double? Score => Link?.TotalWeight;

    public LinkOrigin LinkedBy => Link is null ? OriginWithoutLink : LinkOrigin.Rule;

    public string? ExplanationJsonText() => Link is null ? null : ExplanationJson.Write(Link);

    public ProfileMembership ToEntity() => new(RecordId, ProfileId, Score, ExplanationJsonText(), LinkedBy, At);

    public void ApplyTo(ProfileMembership membership) => membership.MoveTo(ProfileId, Score, ExplanationJsonText(), LinkedBy, At);
}

/// <summary>A review item a match run will write; like <see cref="PendingMembership"/>, its JSON is made when written.</summary>
internal sealed record PendingReview(long RecordA, long RecordB, MatchExplanation Pair, DateTimeOffset At) : IPendingRow<ReviewItem>
{
    public ReviewItem ToEntity() => new(RecordA, RecordB, Pair.TotalWeight, ExplanationJson.Write(Pair), At);
}
