namespace ProfileHub.Core.Sources;

/// <summary>One execution of a connector: what it read, what it kept, and where it left off.</summary>
public sealed class ConnectorRun
{
    private ConnectorRun()
    {
    }

    public ConnectorRun(Connector connector, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ConnectorId = connector.Id;
        Connector = connector;
        StartedAt = startedAt.ToUniversalTime();
        Status = RunStatus.Running;
        WatermarkBefore = connector.State;
    }

    public long Id { get; private set; }

    public int ConnectorId { get; private set; }

    public Connector? Connector { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public RunStatus Status { get; private set; }

    public long RowsRead { get; private set; }

    public long RowsAccepted { get; private set; }

    /// <summary>Rows already stored (same source key and content, or same event id): vendors resend.</summary>
    public long RowsDuplicate { get; private set; }

    public long RowsQuarantined { get; private set; }

    public string? WatermarkBefore { get; private set; }

    public string? WatermarkAfter { get; private set; }

    public string? Error { get; private set; }

    public void Count(long read, long accepted, long duplicate, long quarantined)
    {
        RowsRead += read;
        RowsAccepted += accepted;
        RowsDuplicate += duplicate;
        RowsQuarantined += quarantined;
    }

    /// <summary>Records a committed batch: the counts and the watermark move together with its rows.</summary>
    public void CommitBatch(string? watermark)
    {
        WatermarkAfter = watermark;
        Connector?.AdvanceState(watermark);
    }

    public void Complete(DateTimeOffset finishedAt)
    {
        Status = RunStatus.Succeeded;
        FinishedAt = finishedAt.ToUniversalTime();
    }

    public void Fail(string error, DateTimeOffset finishedAt)
    {
        Status = RunStatus.Failed;
        Error = error;
        FinishedAt = finishedAt.ToUniversalTime();
    }
}
