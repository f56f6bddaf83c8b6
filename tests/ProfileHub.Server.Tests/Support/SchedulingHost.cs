using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Scheduling;
using ProfileHub.Testing;
using Quartz;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// A host with what `serve` has for scheduling (storage, connectors, Quartz on its persistent store) on a test
/// database, and what Quartz stored there, read back with SQL as another process would see it.
/// </summary>
internal static class SchedulingHost
{
    public static IHost Build(TestDatabase database, IReadOnlyDictionary<string, string?> settings, Action<IQuartzBuilder>? quartz = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProfileHub:Database:Provider"] = database.ProviderName,
            ["ProfileHub:Database:ConnectionString"] = database.ConnectionString,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddProfileHubCore();
        builder.AddProfileHubIngestion();
        builder.AddProfileHubScheduling();
        if (quartz is not null)
        {
            builder.Services.AddQuartz(quartz);
        }

        return builder.Build();
    }

    /// <summary>A connector reading Segment JSON lines from <paramref name="path"/>, with an optional cron schedule.</summary>
    public static Dictionary<string, string?> WebConnector(string name, string path, string? cron) => new()
    {
        [$"ProfileHub:Connectors:{name}:Kind"] = "Web",
        [$"ProfileHub:Connectors:{name}:Format"] = "segment-jsonl",
        [$"ProfileHub:Connectors:{name}:Schedule"] = cron,
        [$"ProfileHub:Connectors:{name}:Settings:path"] = path,
    };

    /// <summary>Starts the host (reconcile, then the scheduler) and stops it again, as a short-lived `serve` would.</summary>
    public static async Task RunOnceAsync(TestDatabase database, IReadOnlyDictionary<string, string?> settings)
    {
        using var host = Build(database, settings);
        await host.StartAsync();
        await host.StopAsync();
    }

    /// <summary>The stored jobs of a group, by name: (durable, disallows concurrent execution).</summary>
    public static async Task<Dictionary<string, (bool Durable, bool NonConcurrent)>> StoredJobsAsync(TestDatabase database, string group)
    {
        var jobs = new Dictionary<string, (bool, bool)>(StringComparer.Ordinal);
        await QueryAsync(database, $"SELECT job_name, is_durable, is_nonconcurrent FROM qrtz_job_details WHERE job_group = '{group}'",
            row => jobs[row.GetString(0)] = (Flag(row.GetValue(1)), Flag(row.GetValue(2))));
        return jobs;
    }

    /// <summary>The stored cron triggers of a group, by name.</summary>
    public static async Task<Dictionary<string, StoredTrigger>> StoredTriggersAsync(TestDatabase database, string group)
    {
        var triggers = new Dictionary<string, StoredTrigger>(StringComparer.Ordinal);
        await QueryAsync(database,
            $"""
            SELECT t.trigger_name, c.cron_expression, t.start_time, t.next_fire_time, t.misfire_instr, t.trigger_state
            FROM qrtz_triggers t JOIN qrtz_cron_triggers c
              ON c.sched_name = t.sched_name AND c.trigger_name = t.trigger_name AND c.trigger_group = t.trigger_group
            WHERE t.trigger_group = '{group}'
            """,
            row => triggers[row.GetString(0)] = new StoredTrigger(
                row.GetString(1), Ticks(row.GetValue(2)), Ticks(row.GetValue(3)), Convert.ToInt32(row.GetValue(4), CultureInfo.InvariantCulture), row.GetString(5)));
        return triggers;
    }

    /// <summary>Moves a stored trigger's next fire time, as if the scheduler had been down since then.</summary>
    public static Task SetNextFireTimeAsync(TestDatabase database, string trigger, DateTimeOffset at) =>
        QueryAsync(database, $"UPDATE qrtz_triggers SET next_fire_time = {at.UtcTicks} WHERE trigger_name = '{trigger}'", _ => { });

    private static async Task QueryAsync(TestDatabase database, string sql, Action<System.Data.Common.DbDataReader> read)
    {
        await using var connection = database.Provider.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test SQL over constant names.
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            read(reader);
        }
    }

    private static bool Flag(object value) => Convert.ToBoolean(value, CultureInfo.InvariantCulture);

    // Quartz stores instants as UTC ticks.
    private static DateTimeOffset? Ticks(object value) =>
        value is DBNull ? null : new DateTimeOffset(Convert.ToInt64(value, CultureInfo.InvariantCulture), TimeSpan.Zero);
}

/// <summary>One stored cron trigger: its schedule, start, next fire time, misfire instruction and state.</summary>
internal sealed record StoredTrigger(string Cron, DateTimeOffset? Start, DateTimeOffset? NextFire, int MisfireInstruction, string State);
