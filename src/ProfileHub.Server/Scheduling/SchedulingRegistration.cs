using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Matching;
using ProfileHub.Server.Segments;
using Quartz;

namespace ProfileHub.Server.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>
    /// Quartz with the in-memory store: one durable job per enabled connector (so `match` and on-demand runs
    /// can trigger it) and a cron trigger for each one with a Schedule. Call after AddProfileHubIngestion, so
    /// the configured connectors are synced before the scheduler starts.
    /// </summary>
    public static void AddProfileHubScheduling(this IHostApplicationBuilder builder)
    {
        var connectors = ConnectorDefinition.Read(builder.Configuration);

        // `ProfileHub:Scheduling:Enabled=false` serves the API without cron triggers: a second node behind a
        // load balancer leaves the schedule to one node, and API tests keep their data to themselves.
        var scheduled = builder.Configuration.GetValue("ProfileHub:Scheduling:Enabled", true);
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();

            // Matching runs after each ingestion that stored something (ConnectorJob triggers it) and on demand.
            quartz.AddJob<MatchJob>(job => job.WithIdentity(MatchJob.Key).StoreDurably());

            // Computed traits fold after each match run (MatchJob triggers it); segments refresh on their own
            // cron schedules (SegmentSchedule adds a job per stored segment at start-up and on every change).
            quartz.AddJob<TraitFoldJob>(job => job.WithIdentity(TraitFoldJob.Key).StoreDurably());
            foreach (var connector in connectors.Where(c => c.Enabled))
            {
                var key = ConnectorJob.KeyFor(connector.Name);
                quartz.AddJob<ConnectorJob>(job => job.WithIdentity(key).UsingJobData(ConnectorJob.ConnectorData, connector.Name).StoreDurably());
                if (scheduled && connector.Schedule is { } cron)
                {
                    quartz.AddTrigger(trigger => trigger.ForJob(key).WithIdentity(key.Name, ConnectorJob.Group).WithCronSchedule(cron));
                }
            }
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        builder.Services.AddSingleton<SegmentSchedule>();
        builder.Services.AddHostedService<SegmentScheduleStartup>();
    }
}
