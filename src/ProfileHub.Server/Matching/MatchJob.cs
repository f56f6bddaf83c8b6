using ProfileHub.Server.Scheduling;
using Quartz;

namespace ProfileHub.Server.Matching;

/// <summary>
/// The match run as a Quartz job (key <see cref="Key"/>, triggered after each ingestion: <see cref="JobChain"/>): incremental, one at
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
        await JobChain.AfterMatchRunAsync(context.Scheduler, cancellationToken);
    }
}
