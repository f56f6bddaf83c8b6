using ProfileHub.Server.Scheduling;
using Quartz;

namespace ProfileHub.Server.Privacy;

/// <summary>The retention purge (<see cref="RetentionPurge"/>) as a Quartz job: one at a time across a cluster.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(RetentionPurge purge) : IJob
{
    public const string Group = "retention";

    public static readonly JobKey Key = new("retention", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await purge.RunAsync(cancellationToken);
    }

    /// <summary>The durable job, as the store keeps it.</summary>
    public static IJobDetail Define() => JobBuilder.Create<RetentionJob>().WithIdentity(Key).StoreDurably().Build();
}

/// <summary>
/// Keeps the retention job's trigger in the store in line with `ProfileHub:Retention:Schedule` on every start
/// (<see cref="StoredSchedule"/>), beside the connectors' schedule; on instances that run scheduled work only.
/// </summary>
internal sealed class RetentionSchedule(ISchedulerFactory schedulers, RetentionOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await StoredSchedule.ReconcileAsync(scheduler, RetentionJob.Group, [new WantedJob(RetentionJob.Define(), options.Schedule)], cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
