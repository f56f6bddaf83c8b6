namespace ProfileHub.Core.Sources;

/// <summary>
/// One execution of a connector: what it read, what it kept, and where it left off. A run in progress proves
/// it is alive by moving <see cref="HeartbeatAt"/> every <see cref="HeartbeatInterval"/>; one whose heartbeat
/// is older than <see cref="Lease"/> belongs to a process that died without finishing it (kill -9, a crash, a
/// lost machine), and the next run of any connector, on any instance, marks it failed (<see cref="IsAbandoned"/>).
/// </summary>
public sealed class ConnectorRun
{
    /// <summary>How often a running run moves its heartbeat.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a heartbeat vouches for its run: ten intervals, so that a heartbeat delayed by a busy database
    /// (SQLite's single writer) or by clocks of two servers a minute apart never condemns a live run.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>What an abandoned run's <see cref="Error"/> says.</summary>
    public const string AbandonedError = "abandoned: the process running it stopped without finishing it (killed or crashed); what it committed stays, and the next run resumes at its last committed watermark";
    private ConnectorRun()
    {
    }

    public ConnectorRun(Connector connector, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ConnectorId = connector.Id;
        Connector = connector;
        StartedAt = startedAt.ToUniversalTime();
        HeartbeatAt = StartedAt;
        Status = RunStatus.Running;
        WatermarkBefore = connector.State;
    }

    public long Id { get; private set; }

    public int ConnectorId { get; private set; }

    public Connector? Connector { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The last time the process running it said it was alive (the start, then every <see cref="HeartbeatInterval"/>).</summary>
    public DateTimeOffset HeartbeatAt { get; private set; }

    public RunStatus Status { get; private set; }

    public long RowsRead { get; private set; }

    public long RowsAccepted { get; private set; }

    /// <summary>Rows already stored (same source key and content, or same event id): vendors resend.</summary>
    public long RowsDuplicate { get; private set; }

    public long RowsQuarantined { get; private set; }

    public string? WatermarkBefore { get; private set; }

    public string? WatermarkAfter { get; private set; }

    public string? Error { get; private set; }

    /// <summary>
    /// THE rule for a dead run, as a query predicate: still Running, with a heartbeat older than <see cref="Lease"/> at <paramref name="now"/>.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<ConnectorRun, bool>> IsAbandoned(DateTimeOffset now)
    {
        var cutoff = now.ToUniversalTime() - Lease;
        // FinishedAt is null exactly while a run is Running; saying so lets the partial index on it serve the query.
        return r => r.FinishedAt == null && r.Status == RunStatus.Running && r.HeartbeatAt < cutoff;
    }

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
