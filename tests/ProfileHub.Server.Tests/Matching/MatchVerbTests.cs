using Microsoft.EntityFrameworkCore;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Matching;

/// <summary>`profilehub match` through the real executable, on the embedded SQLite database.</summary>
public sealed class MatchVerbTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("profilehub-match-").FullName;
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task Match_prints_a_summary_and_a_second_run_finds_nothing_new()
    {
        var data = new MatchData(database, _clock);
        await data.AddBackgroundAsync(await data.ConnectorAsync("crm", 50), 60);
        var shop = await data.ConnectorAsync("shop", 60);
        await data.AddAsync(shop, "robert", new Person("Robert", "Castellano", "rob.castellano@example.com", null, "1979-08-30", "4 Mill Lane", "leeds", "LS1 4AP"));
        await data.AddAsync(shop, "bob", new Person("Bob", "Castellano", "rob.castellano@example.com", "+447700900555", null, "4 Mill Lane", "leeds", "LS1 4AP"));
        int records;
        await using (var db = database.CreateContext())
        {
            records = await db.SourceRecords.CountAsync();
        }

        var (first, firstLog) = await MatchAsync();
        var (second, secondLog) = await MatchAsync();
        var (rebuild, _) = await MatchAsync("--rebuild");

        Assert.Contains($"records processed: {records}", first, StringComparison.Ordinal);
        Assert.Contains("mode: rebuild", first, StringComparison.Ordinal);
        Assert.Contains("match: loaded", firstLog, StringComparison.Ordinal);
        Assert.Contains("records processed: 0", second, StringComparison.Ordinal);
        Assert.Contains("profiles created: 0", second, StringComparison.Ordinal);
        Assert.Contains("mode: incremental", second, StringComparison.Ordinal);
        // Nothing to match (as for the job after an ingestion of touchpoints only): the run's progress is Debug.
        Assert.DoesNotContain("match:", secondLog, StringComparison.Ordinal);
        // A rebuild re-resolves every record, though none was new.
        Assert.Contains($"records processed: {records}", rebuild, StringComparison.Ordinal);
        Assert.Contains("profiles created: 0", rebuild, StringComparison.Ordinal);
        Assert.Contains("mode: rebuild", rebuild, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(records, await check.Memberships.CountAsync());
        var castellanos = await check.Memberships.Where(m => check.SourceRecords.Any(r => r.Id == m.RecordId && r.LastName == "Castellano")).ToListAsync();
        Assert.Single(castellanos.Select(m => m.ProfileId).Distinct());
    }

    /// <summary>Runs `profilehub match`; fails the test with its stderr unless it exits 0; returns its stdout and stderr (the log).</summary>
    private async Task<(string Stdout, string Stderr)> MatchAsync(params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["ProfileHub__Database__Provider"] = "sqlite",
            ["ProfileHub__Database__ConnectionString"] = database.ConnectionString,
        };
        await using var process = ProfileHubProcess.Start(_workingDirectory, environment, ["match", .. args]);
        var code = await process.WaitForExitAsync(Timeout);
        Assert.True(code == 0, process.Stderr);
        return (process.Stdout, process.Stderr);
    }
}
