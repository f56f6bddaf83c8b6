using Microsoft.EntityFrameworkCore;
using ProfileHub.Storage;
using ProfileHub.Storage.Segments;
using Quartz;

namespace ProfileHub.Server.Segments;

/// <summary>Refreshes one segment (its name in the job data): fold new touchpoints into traits, then the membership.</summary>
[DisallowConcurrentExecution]
internal sealed class SegmentRefreshJob(SegmentActions actions) : IJob
{
    public const string Group = "segments";
    public const string SegmentData = "segment";

    public static JobKey KeyFor(string segment) => new(segment, Group);

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
/// Keeps Quartz in step with the stored segments: one durable refresh job per segment (so refreshSegment and
/// tools can trigger it), with a cron trigger from the segment's schedule when schedules are enabled. Runs at
/// start-up and after every segment change.
/// </summary>
internal sealed class SegmentSchedule(ISchedulerFactory schedulers, IDbContextFactory<ProfileHubDbContext> contexts, IConfiguration configuration)
{
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var scheduled = configuration.GetValue("ProfileHub:Scheduling:Enabled", true);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var segments = await db.Segments.AsNoTracking().Select(s => new { s.Name, s.Schedule }).ToListAsync(cancellationToken);
        foreach (var segment in segments)
        {
            var key = SegmentRefreshJob.KeyFor(segment.Name);
            var job = JobBuilder.Create<SegmentRefreshJob>().WithIdentity(key).UsingJobData(SegmentRefreshJob.SegmentData, segment.Name).StoreDurably().Build();
            await scheduler.DeleteJob(key, cancellationToken);
            if (scheduled && segment.Schedule is { } cron)
            {
                var trigger = TriggerBuilder.Create().ForJob(key).WithIdentity(segment.Name, SegmentRefreshJob.Group).WithCronSchedule(cron).Build();
                await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            }
            else
            {
                await scheduler.AddJob(job, new AddJobOptions { Replace = true }, cancellationToken);
            }
        }

        var stored = segments.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(SegmentRefreshJob.Group), cancellationToken))
        {
            if (!stored.Contains(key.Name))
            {
                await scheduler.DeleteJob(key, cancellationToken);
            }
        }
    }
}

/// <summary>Schedules the stored segments when the server starts.</summary>
internal sealed class SegmentScheduleStartup(SegmentSchedule schedule) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => schedule.SyncAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
