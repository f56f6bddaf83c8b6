using Microsoft.EntityFrameworkCore;
using ProfileHub.Storage;
using ProfileHub.Storage.Segments;
using ProfileHub.Server.Scheduling;
using Quartz;

namespace ProfileHub.Server.Segments;

/// <summary>Refreshes one segment (its name in the job data): fold new touchpoints into traits, then the membership.</summary>
[DisallowConcurrentExecution]
internal sealed class SegmentRefreshJob(SegmentActions actions) : IJob
{
    public const string Group = "segments";
    public const string SegmentData = "segment";

    public static JobKey KeyFor(string segment) => new(segment, Group);

    /// <summary>The durable refresh job of one segment, as the store keeps it.</summary>
    public static IJobDetail Define(string segment) =>
        JobBuilder.Create<SegmentRefreshJob>().WithIdentity(KeyFor(segment)).UsingJobData(SegmentData, segment).StoreDurably().Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var segment = context.MergedJobDataMap.GetString(SegmentData)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} has no '{SegmentData}' in its data.");
        context.Result = await actions.RefreshAsync(segment, cancellationToken);
    }
}

/// <summary>Folds new touchpoints into the computed traits; triggered after each match run (ingestion → match → traits).</summary>
[DisallowConcurrentExecution]
internal sealed class TraitFoldJob(IDbContextFactory<ProfileHubDbContext> contexts, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("traits");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        context.Result = await ProfileTraitFold.RunAsync(db, clock.GetUtcNow(), cancellationToken);
    }
}

/// <summary>
/// Keeps Quartz's store in step with the stored segments: one durable refresh job per segment (so
/// refreshSegment and tools can trigger it), with a cron trigger from the segment's schedule. Runs at start-up
/// and after every segment change, on any node: the triggers follow the segments table, which every node
/// shares, and `ProfileHub:Scheduling:Enabled` only decides whether this node runs them.
/// </summary>
internal sealed class SegmentSchedule(ISchedulerFactory schedulers, IDbContextFactory<ProfileHubDbContext> contexts)
{
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var segments = await db.Segments.AsNoTracking().Select(s => new { s.Name, s.Schedule }).ToListAsync(cancellationToken);
        var wanted = segments.Select(s => new WantedJob(SegmentRefreshJob.Define(s.Name), s.Schedule)).ToList();
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await StoredSchedule.ReconcileAsync(scheduler, SegmentRefreshJob.Group, wanted, cancellationToken);
    }
}

/// <summary>Schedules the stored segments when the server starts.</summary>
internal sealed class SegmentScheduleStartup(SegmentSchedule schedule) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => schedule.SyncAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
