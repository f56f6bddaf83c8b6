using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Scheduling;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Scheduling;

/// <summary>Quartz as `serve` configures it, on PostgreSQL: a cluster of every scheduler on one database.</summary>
public sealed class SchedulingRegistrationTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("profilehub-cluster-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Two_schedulers_on_one_postgres_database_never_run_one_connector_job_at_once()
    {
        await database.ResetAsync();
        var events = Path.Combine(_directory, "events.jsonl");
        await File.WriteAllTextAsync(events, "");
        var settings = SchedulingHost.WebConnector("web", events, "* * * * * ?");
        var probe = new JobProbe(ConnectorJob.KeyFor("web"), holdFirst: true);
        using var first = Node("node-a");
        using var second = Node("node-b");
        await first.StartAsync();
        await second.StartAsync();
        try
        {
            // Hold the first run open until a later fire time has passed with nobody firing the trigger: a node
            // free to run the job beside the held run would have taken that fire time (and moved it on).
            await probe.FirstStarted.WaitAsync(Patience);
            await WaitUntilAsync(async () => probe.MaxRunning > 1 ||
                (await SchedulingHost.StoredTriggersAsync(database, ConnectorJob.Group))["web"].NextFire < TimeProvider.System.GetUtcNow().AddSeconds(-1));
            probe.Release();
            await probe.WaitForFinishedAsync(3, Patience);
        }
        finally
        {
            probe.Release();
            await Task.WhenAll(first.StopAsync(), second.StopAsync());
        }

        Assert.True(probe.MaxRunning == 1, $"runs overlapped; nodes: {string.Join(", ", probe.Nodes)}");
        Assert.Subset(new HashSet<string> { "node-a", "node-b" }, probe.Nodes.ToHashSet());

        IHost Node(string id) => SchedulingHost.Build(database, settings, quartz =>
        {
            quartz.ConfigureScheduler(options => options.InstanceId = id);
            quartz.AddJobListener(probe);
        });
    }

    [Fact]
    public void A_connector_with_an_unknown_kind_fails_at_start_up_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProfileHub:Connectors:x:Kind"] = "Fax",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => ConnectorDefinition.Read(configuration));
        Assert.Contains("ProfileHub:Connectors:x:Kind", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cancel = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(50, cancel.Token);
        }
    }
}
