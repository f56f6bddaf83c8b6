using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Scheduling;
using ProfileHub.Server.Segments;
using ProfileHub.Server.Storage;
using ProfileHub.Testing;
using Quartz;

namespace ProfileHub.Server.Tests.Segments;

/// <summary>Every stored segment has a durable refresh job; its cron schedule becomes a trigger and follows edits.</summary>
public sealed class SegmentScheduleTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Segment_changes_keep_one_refresh_job_each_with_a_trigger_only_when_scheduled()
    {
        using var host = BuildHost();
        await host.Services.PrepareDatabaseAsync(CancellationToken.None);
        var actions = host.Services.GetRequiredService<SegmentActions>();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = new TriggerKey("daily", SegmentRefreshJob.Group);

        await actions.CreateAsync("daily", "touchpoints >= 1", null, "0 0 6 * * ?", mayReadPersonalData: true, CancellationToken.None);
        await actions.CreateAsync("manual", "touchpoints >= 2", null, null, mayReadPersonalData: true, CancellationToken.None);

        var job = await scheduler.GetJobDetail(SegmentRefreshJob.KeyFor("daily"));
        Assert.NotNull(job);
        Assert.True(job.ConcurrentExecutionDisallowed);
        Assert.Equal("daily", job.JobDataMap.GetString(SegmentRefreshJob.SegmentData));
        Assert.Equal("0 0 6 * * ?", Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(trigger)).CronExpressionString);
        Assert.NotNull(await scheduler.GetJobDetail(SegmentRefreshJob.KeyFor("manual")));
        Assert.Null(await scheduler.GetTrigger(new TriggerKey("manual", SegmentRefreshJob.Group)));

        await actions.UpdateAsync("daily", null, null, "0 30 7 * * ?", mayReadPersonalData: true, CancellationToken.None);
        Assert.Equal("0 30 7 * * ?", Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(trigger)).CronExpressionString);

        await actions.DeleteAsync("daily", CancellationToken.None);
        Assert.Null(await scheduler.GetJobDetail(SegmentRefreshJob.KeyFor("daily")));
        Assert.Null(await scheduler.GetTrigger(trigger));
        Assert.NotNull(await scheduler.GetJobDetail(TraitFoldJob.Key));
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProfileHub:Database:Provider"] = database.ProviderName,
            ["ProfileHub:Database:ConnectionString"] = database.ConnectionString,
        });
        builder.AddProfileHubCore();
        builder.AddProfileHubIngestion();
        builder.AddProfileHubSegments();
        builder.AddProfileHubScheduling();
        return builder.Build();
    }
}
