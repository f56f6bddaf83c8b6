using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Matching;
using ProfileHub.Server.Scheduling;
using ProfileHub.Testing;
using Quartz;

namespace ProfileHub.Server.Tests.Scheduling;

/// <summary>Connector jobs in a running Quartz scheduler over a real SQLite database.</summary>
public sealed class ConnectorJobTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("profilehub-jobs-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_successful_run_triggers_the_match_job_and_a_failing_one_reaches_quartz_and_is_recorded()
    {
        await database.ResetAsync();
        var events = Path.Combine(_directory, "events.jsonl");
        await File.WriteAllTextAsync(events,
            """{"type":"track","messageId":"j-1","userId":"u1","event":"Product Viewed","timestamp":"2026-03-01T10:00:00Z"}""" + "\n");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProfileHub:Database:Provider"] = "sqlite",
            ["ProfileHub:Database:ConnectionString"] = database.ConnectionString,
            ["ProfileHub:Connectors:good:Kind"] = "Web",
            ["ProfileHub:Connectors:good:Format"] = "segment-jsonl",
            ["ProfileHub:Connectors:good:Settings:path"] = events,
            ["ProfileHub:Connectors:broken:Kind"] = "Web",
            ["ProfileHub:Connectors:broken:Format"] = "segment-jsonl",
            ["ProfileHub:Connectors:broken:Settings:path"] = Path.Combine(_directory, "missing.jsonl"),
        });
        builder.AddProfileHubCore();
        builder.AddProfileHubIngestion();
        builder.AddProfileHubScheduling();
        var outcomes = new JobOutcomes();
        builder.Services.AddSingleton(outcomes);
        builder.Services.AddQuartz(quartz =>
        {
            quartz.AddJob<MatchStandIn>(job => job.WithIdentity(MatchJob.Key).StoreDurably());
            quartz.AddJobListener(outcomes);
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(ConnectorJob.KeyFor("good"), new JobDataMap(), CancellationToken.None);
            await scheduler.TriggerJob(ConnectorJob.KeyFor("broken"), new JobDataMap(), CancellationToken.None);

            var matched = await outcomes.Of(MatchJob.Key).WaitAsync(Patience);
            var broken = await outcomes.Of(ConnectorJob.KeyFor("broken")).WaitAsync(Patience);

            Assert.Null(matched);
            Assert.IsType<FileNotFoundException>(Assert.IsType<JobExecutionException>(broken).InnerException);
            await using var db = database.CreateContext();
            var runs = await db.ConnectorRuns.Include(r => r.Connector).ToListAsync();
            Assert.Equal(RunStatus.Succeeded, runs.Single(r => r.Connector!.Name == "good").Status);
            Assert.Equal(RunStatus.Failed, runs.Single(r => r.Connector!.Name == "broken").Status);
            Assert.Equal(1, await db.Touchpoints.CountAsync());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Stands in for the matching area's job under the key `match`.</summary>
    private sealed class MatchStandIn : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    /// <summary>Each job's first outcome as Quartz reports it: null for success, else the exception it got.</summary>
    private sealed class JobOutcomes : IJobListener
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<JobKey, TaskCompletionSource<JobExecutionException?>> _outcomes = new();

        public string Name => "test outcomes";

        public Task<JobExecutionException?> Of(JobKey key) => Source(key).Task;

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
        {
            Source(context.JobDetail.Key).TrySetResult(jobException);
            return ValueTask.CompletedTask;
        }

        public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        private TaskCompletionSource<JobExecutionException?> Source(JobKey key) =>
            _outcomes.GetOrAdd(key, _ => new TaskCompletionSource<JobExecutionException?>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
