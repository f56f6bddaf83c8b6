using Quartz;

namespace ProfileHub.Server.Scheduling;

/// <summary>A job that should be in the store, with its cron schedule (null: it runs only when triggered).</summary>
internal sealed record WantedJob(IJobDetail Job, string? Cron);

/// <summary>
/// Brings one job group of Quartz's persistent store in line with what configuration (or the stored segments)
/// wants, so that the store never becomes a second source of truth: a wanted job is stored (its definition
/// replaced, its trigger kept), a changed cron replaces its trigger, a job no longer wanted is deleted with its
/// trigger. A trigger whose schedule did not change is left as stored, so its next fire time, and any fire
/// time missed while ProfileHub was down, survive the restart (see <see cref="Misfire"/>).
/// </summary>
internal static class StoredSchedule
{
    /// <summary>
    /// What happens to fire times missed while no scheduler ran (ProfileHub down, or busy past Quartz's
    /// misfire threshold of 60 s): the trigger fires ONCE as soon as a scheduler is running again, then
    /// follows its cron schedule. Missed fire times are not replayed one by one, since every connector is
    /// incremental (it resumes at its stored watermark), so one run catches up on everything that was missed,
    /// and a segment refresh or match run reads the current data whatever time it was meant to run.
    /// </summary>
    public const CronTriggerMisfireInstruction Misfire = CronTriggerMisfireInstruction.FireAndProceed;

    public static TriggerKey TriggerKeyFor(JobKey job) => new(job.Name, job.Group);

    public static async Task ReconcileAsync(IScheduler scheduler, string group, IReadOnlyCollection<WantedJob> wanted, CancellationToken cancellationToken)
    {
        foreach (var (job, cron) in wanted)
        {
            if (job.Key.Group != group)
            {
                throw new ArgumentException($"Job {job.Key} is not in group {group}.", nameof(wanted));
            }

            // Replacing a job's definition keeps its triggers.
            await scheduler.AddJob(job, new AddJobOptions { Replace = true }, cancellationToken);
            var key = TriggerKeyFor(job.Key);
            var stored = await scheduler.GetTrigger(key, cancellationToken);
            if (cron is null)
            {
                if (stored is not null)
                {
                    await scheduler.UnscheduleJob(key, cancellationToken);
                }
            }
            else if (!(stored is ICronTrigger current && current.CronExpressionString == cron && current.MisfireInstruction == Misfire))
            {
                var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
                    .ForJob(job.Key)
                    .WithIdentity(key)
                    .WithCronSchedule(cron, schedule => schedule.WithMisfireInstruction(Misfire))
                    .Build();
                await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            }
        }

        var keep = wanted.Select(w => w.Job.Key).ToHashSet();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken))
        {
            if (!keep.Contains(key))
            {
                await scheduler.DeleteJob(key, cancellationToken);
            }
        }
    }
}
