using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Sources;
using ProfileHub.Storage;

namespace ProfileHub.Server.Ingestion;

/// <summary>
/// Keeps one run's <see cref="ConnectorRun.HeartbeatAt"/> moving every <see cref="IngestionOptions.HeartbeatInterval"/>
/// until disposed, on a context of its own (the run's is busy with its batches), so that a run that outlives its
/// process is recognised (<see cref="ConnectorRun.IsAbandoned"/>) and a live one, however long, never is.
/// </summary>
internal sealed partial class RunHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;

    public RunHeartbeat(long runId, TimeSpan interval, Func<ProfileHubDbContext> contexts, TimeProvider clock, ILogger logger)
    {
        _beating = BeatAsync(runId, interval, contexts, clock, logger, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _beating;
        _stop.Dispose();
    }

    private static async Task BeatAsync(long runId, TimeSpan interval, Func<ProfileHubDbContext> contexts, TimeProvider clock, ILogger logger, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await using var db = contexts();
                    var now = clock.GetUtcNow();
                    await db.ConnectorRuns.Where(r => r.Id == runId && r.Status == RunStatus.Running)
                        .ExecuteUpdateAsync(set => set.SetProperty(r => r.HeartbeatAt, now), stop);
                }
#pragma warning disable CA1031 // A missed beat is retried at the next tick; the lease allows for several.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogMissedBeat(logger, e, runId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the run has finished.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector run {RunId} could not record its heartbeat; it retries at the next interval")]
    private static partial void LogMissedBeat(ILogger logger, Exception error, long runId);
}
