using ProfileHub.Server.Privacy;
using ProfileHub.Server.Segments;
using ProfileHub.Server.Storage;
using ProfileHub.Storage.Providers;
using Quartz;

namespace ProfileHub.Server.Scheduling;

internal static class SchedulingRegistration
{
    public const string EnabledSetting = "ProfileHub:Scheduling:Enabled";

    /// <summary>
    /// Quartz on its ADO job store in ProfileHub's own database (tables qrtz_*, migration 0007), with the
    /// System.Text.Json serializer. The storage provider points it at the database and decides whether the
    /// nodes form a cluster (<see cref="StorageProvider.UseQuartzStore"/>: on PostgreSQL and SQL Server a job
    /// marked [DisallowConcurrentExecution], such as connectors, segment refreshes, match, traits and retention,
    /// never runs on two nodes at once). Jobs and triggers come from configuration on every start
    /// (<see cref="ConnectorSchedule"/>, <see cref="SegmentSchedule"/>, <see cref="RetentionSchedule"/>).
    /// Call after AddProfileHubStorage and AddProfileHubIngestion.
    /// </summary>
    public static void AddProfileHubScheduling(this IHostApplicationBuilder builder)
    {
        var provider = builder.RegisteredStorageProvider();

        // `ProfileHub:Scheduling:Enabled=false` serves the API without running scheduled work: this node's
        // scheduler is never started and it leaves the stored connector schedule to the nodes that run it
        // (reconciling from here would let the last node to start decide). API tests use it too.
        var enabled = builder.Configuration.GetValue(EnabledSetting, true);
        builder.AddProfileHubRetention();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                provider.UseQuartzStore(store);
            });

            quartz.AddChainedJobs();
        });

        // Registered before Quartz's hosted service: the store is reconciled before the scheduler starts.
        if (enabled)
        {
            builder.Services.AddSingleton<ConnectorSchedule>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ConnectorSchedule>());
            builder.Services.AddHostedService<RetentionSchedule>();
        }

        builder.Services.AddSingleton<SegmentSchedule>();
        builder.Services.AddHostedService<SegmentScheduleStartup>();
        builder.Services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AutoStart = enabled;
        });
    }
}
