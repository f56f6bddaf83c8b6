using Quartz;

namespace ProfileHub.Server.Matching;

/// <summary>
/// The match run as a Quartz job (key <see cref="Key"/>, triggered after each ingestion): incremental, one at
/// a time. Failures propagate so Quartz records them and the next trigger retries.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MatchJob(MatchRunner runner) : IJob
{
    public static readonly JobKey Key = new("match");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await runner.RunAsync(rebuild: false, cancellationToken);

        // The chain ingestion → match → computed traits (segments read the traits).
        if (await context.Scheduler.Exists(Segments.TraitFoldJob.Key, cancellationToken))
        {
            await context.Scheduler.TriggerJob(Segments.TraitFoldJob.Key, cancellationToken);
        }
    }
}
