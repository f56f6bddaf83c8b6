using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProfileHub.Server.Scheduling;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;
using Quartz;

namespace ProfileHub.Server.Tests.Scheduling;

/// <summary>
/// The connector schedule in Quartz's persistent store: written from configuration at start-up, kept across
/// restarts, reconciled when configuration changes, and a fire time missed while down fires once.
/// </summary>
public abstract class ConnectorScheduleTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string Nightly = "0 0 3 * * ?";
    private const string Hourly = "0 15 * * * ?";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("profilehub-schedule-").FullName;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await File.WriteAllTextAsync(Events, "");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private string Events => Path.Combine(_directory, "events.jsonl");

    [Fact]
    public async Task The_schedule_outlives_the_host_and_a_restart_with_the_same_configuration_keeps_each_trigger_as_stored()
    {
        var settings = Settings(("web", Nightly), ("crm", null));
        settings["ProfileHub:Connectors:old:Kind"] = "File";
        settings["ProfileHub:Connectors:old:Enabled"] = "false";

        await SchedulingHost.RunOnceAsync(database, settings);
        var jobs = await SchedulingHost.StoredJobsAsync(database, ConnectorJob.Group);
        var first = await SchedulingHost.StoredTriggersAsync(database, ConnectorJob.Group);

        Assert.Equal(["crm", "web"], jobs.Keys.Order(StringComparer.Ordinal));
        Assert.All(jobs.Values, job => Assert.Equal((true, true), job));
        var web = Assert.Single(first).Value;
        Assert.Equal(Nightly, web.Cron);
        Assert.Equal((int)StoredSchedule.Misfire, web.MisfireInstruction);
        Assert.True(web.NextFire > DateTimeOffset.UnixEpoch, "the stored trigger has its next fire time");

        await SchedulingHost.RunOnceAsync(database, settings);

        Assert.Equal(first, await SchedulingHost.StoredTriggersAsync(database, ConnectorJob.Group));
        Assert.Equal(jobs, await SchedulingHost.StoredJobsAsync(database, ConnectorJob.Group));
    }

    [Fact]
    public async Task A_changed_cron_replaces_the_stored_trigger_and_a_connector_removed_from_configuration_loses_its_job()
    {
        await SchedulingHost.RunOnceAsync(database, Settings(("web", Nightly), ("crm", Nightly), ("zendesk", Nightly)));

        await SchedulingHost.RunOnceAsync(database, Settings(("web", Hourly), ("zendesk", null), ("loyalty", null)));

        var triggers = await SchedulingHost.StoredTriggersAsync(database, ConnectorJob.Group);
        Assert.Equal(Hourly, Assert.Single(triggers, t => t.Key == "web").Value.Cron);
        Assert.Single(triggers);
        Assert.Equal(["loyalty", "web", "zendesk"], (await SchedulingHost.StoredJobsAsync(database, ConnectorJob.Group)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_fire_time_missed_while_no_scheduler_ran_fires_the_connector_once_when_one_starts()
    {
        var settings = Settings(("web", Nightly));
        await SchedulingHost.RunOnceAsync(database, settings);
        await SchedulingHost.SetNextFireTimeAsync(database, "web", TimeProvider.System.GetUtcNow().AddHours(-5));
        var probe = new JobProbe(ConnectorJob.KeyFor("web"));

        using var host = SchedulingHost.Build(database, settings, quartz => quartz.AddJobListener(probe));
        await host.StartAsync();
        try
        {
            await probe.WaitForFinishedAsync(1, Patience);
        }
        finally
        {
            await host.StopAsync();
        }

        var web = (await SchedulingHost.StoredTriggersAsync(database, ConnectorJob.Group))["web"];
        Assert.True(web.NextFire > TimeProvider.System.GetUtcNow(), $"after the one catch-up run the trigger waits for its next 3 o'clock, not {web.NextFire}");
        Assert.Equal(1, probe.Finished);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.ConnectorRuns.CountAsync());
    }

    [Fact]
    public async Task With_scheduling_disabled_the_stored_schedule_is_left_to_the_nodes_that_run_it()
    {
        await SchedulingHost.RunOnceAsync(database, Settings(("web", Nightly)));
        var settings = Settings(("crm", Hourly));
        settings[SchedulingRegistration.EnabledSetting] = "false";

        using var host = SchedulingHost.Build(database, settings);
        await host.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var status = scheduler.Status;
        await host.StopAsync();

        Assert.Equal(SchedulerStatus.Created, status);
        Assert.Equal(["web"], (await SchedulingHost.StoredTriggersAsync(database, ConnectorJob.Group)).Keys);
        Assert.Null(host.Services.GetService<ConnectorSchedule>());
    }

    private Dictionary<string, string?> Settings(params (string Name, string? Cron)[] connectors)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (name, cron) in connectors)
        {
            foreach (var (key, value) in SchedulingHost.WebConnector(name, Events, cron))
            {
                settings[key] = value;
            }
        }

        return settings;
    }
}

public sealed class SqliteConnectorScheduleTests(SqliteTestDatabase database) : ConnectorScheduleTests<SqliteTestDatabase>(database);

public sealed class PostgresConnectorScheduleTests(PostgresTestDatabase database) : ConnectorScheduleTests<PostgresTestDatabase>(database);

public sealed class SqlServerConnectorScheduleTests(SqlServerTestDatabase database) : ConnectorScheduleTests<SqlServerTestDatabase>(database);
