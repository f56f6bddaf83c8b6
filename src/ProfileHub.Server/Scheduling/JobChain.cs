using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Matching;
using ProfileHub.Server.Segments;
using Quartz;

namespace ProfileHub.Server.Scheduling;

/// <summary>
/// The chain of scheduled work, in one place: each connector runs on its own cron trigger
/// (<see cref="ConnectorSchedule"/>); a connector run that stored something new triggers the match job; every
/// match run triggers the trait fold (segments read the traits). The match and trait-fold jobs have no
/// triggers of their own; segment refreshes run on the segments' own schedules (<see cref="SegmentSchedule"/>).
/// A job whose run fails does not trigger the next one (its exception goes to Quartz first).
/// </summary>
internal static class JobChain
{
    /// <summary>Registers the chained jobs: durable, fired only by the job before them (or on demand).</summary>
    public static void AddChainedJobs(this IQuartzBuilder quartz)
    {
        quartz.AddJob<MatchJob>(job => job.WithIdentity(MatchJob.Key).StoreDurably());
        quartz.AddJob<TraitFoldJob>(job => job.WithIdentity(TraitFoldJob.Key).StoreDurably());
    }

    /// <summary>After a connector run: the match job, when the run stored something new. Whether it was triggered.</summary>
    public static Task<bool> AfterConnectorRunAsync(IScheduler scheduler, IngestionSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Changed ? TriggerIfRegisteredAsync(scheduler, MatchJob.Key, cancellationToken) : Task.FromResult(false);
    }

    /// <summary>After a match run: the trait fold.</summary>
    public static Task<bool> AfterMatchRunAsync(IScheduler scheduler, CancellationToken cancellationToken) =>
        TriggerIfRegisteredAsync(scheduler, TraitFoldJob.Key, cancellationToken);

    // A host that registered only part of the chain (a test's scheduler) runs the part it has.
    private static async Task<bool> TriggerIfRegisteredAsync(IScheduler scheduler, JobKey next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!await scheduler.Exists(next, cancellationToken))
        {
            return false;
        }

        await scheduler.TriggerJob(next, cancellationToken);
        return true;
    }
}
