namespace ProfileHub.Server.Api.Segments;

public enum AudienceChangeKind
{
    Entered,
    Exited,
}

/// <summary>A profile entering or leaving a segment, for incremental syncs (one stay gives at most two changes).</summary>
internal sealed class AudienceChange
{
    public long StayId { get; init; }

    public Guid ProfileId { get; init; }

    /// <summary>0 entered, 1 exited: an int so both halves of the UNION share a column type.</summary>
    public int Kind { get; init; }

    public DateTimeOffset At { get; init; }

    public AudienceChangeKind Change => (AudienceChangeKind)Kind;
}
