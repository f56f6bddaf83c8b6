namespace ProfileHub.Core.Sources;

/// <summary>
/// One purge of a connector's old data under its `RetentionDays`: what was older than <see cref="Cutoff"/> and
/// how many rows of each table went, and how many profiles had their computed traits rebuilt because they lost
/// touchpoints. Admins read these (GraphQL `retentionRuns`) to show that retention runs and what it removed;
/// a run holds counts only, nothing about any person.
/// </summary>
public sealed class RetentionRun
{
    private RetentionRun()
    {
    }

    public RetentionRun(int connectorId, int retentionDays, DateTimeOffset cutoff, DateTimeOffset startedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionDays, 1);
        ConnectorId = connectorId;
        RetentionDays = retentionDays;
        Cutoff = cutoff.ToUniversalTime();
        StartedAt = startedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public int ConnectorId { get; private set; }

    /// <summary>The connector's setting when the run started.</summary>
    public int RetentionDays { get; private set; }

    /// <summary>Rows older than this went: touchpoints by when they occurred, payloads by when they were received, quarantined rows by when they were quarantined.</summary>
    public DateTimeOffset Cutoff { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset FinishedAt { get; private set; }

    public long Touchpoints { get; private set; }

    public long InboundPayloads { get; private set; }

    public long QuarantinedRows { get; private set; }

    public int ProfilesRecomputed { get; private set; }

    public void Finish(long touchpoints, long inboundPayloads, long quarantinedRows, int profilesRecomputed, DateTimeOffset finishedAt)
    {
        Touchpoints = touchpoints;
        InboundPayloads = inboundPayloads;
        QuarantinedRows = quarantinedRows;
        ProfilesRecomputed = profilesRecomputed;
        FinishedAt = finishedAt.ToUniversalTime();
    }
}
