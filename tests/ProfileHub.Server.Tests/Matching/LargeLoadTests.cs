using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;
using Xunit.Abstractions;

namespace ProfileHub.Server.Tests.Matching;

/// <summary>
/// `profilehub import` then `profilehub match` through the real executable, with more records in one run than
/// SQLite binds parameters in one statement (32,766): a first load, a batch of new records for known people
/// (incremental), and a batch of changed records under `match --rebuild`. No statement may bind one parameter
/// per record; every record must end in an active profile.
/// </summary>
public abstract class LargeLoadTests<TDatabase>(TDatabase database, ITestOutputHelper output) : IClassFixture<TDatabase>, IAsyncLifetime, IDisposable
    where TDatabase : TestDatabase
{
    private const string Connector = "crm";

    /// <summary>Just past SQLite's limit, so a statement naming each record of the batch would be refused.</summary>
    private const int Batch = 33_000;

    // Generous for a shared two-core machine; the runtimes measured are in the test output.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("profilehub-large-").FullName;

    private string Exports => Path.Combine(_workingDirectory, "exports");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Exports);
        return database.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Directory.Delete(_workingDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_first_load_of_100000_records_is_imported_and_every_record_ends_in_a_profile()
    {
        PeopleCsv.Write(Path.Combine(Exports, "1-first.csv"), people: 50_000, copies: "ab");

        Assert.Contains("new=100000", await RunAsync("import", "--connector", Connector), StringComparison.Ordinal);
        var match = await RunAsync("match");

        Assert.Contains("mode: rebuild", match, StringComparison.Ordinal);
        Assert.Contains("records processed: 100000", match, StringComparison.Ordinal);
        await AssertEveryRecordInAnActiveProfileAsync(100_000);
    }

    [Fact]
    public async Task A_large_batch_of_new_records_for_known_people_is_matched_incrementally()
    {
        // A few more people than the batch: twice the records the model was trained on would make the run retrain.
        PeopleCsv.Write(Path.Combine(Exports, "1-first.csv"), people: Batch + 1_000, copies: "a");
        await RunAsync("import", "--connector", Connector);
        await RunAsync("match");

        // A second record for each of the first people: each joins a profile that exists (all of them touched).
        PeopleCsv.Write(Path.Combine(Exports, "2-second.csv"), people: Batch, copies: "b");
        Assert.Contains($"new={Batch}", await RunAsync("import", "--connector", Connector), StringComparison.Ordinal);
        var incremental = await RunAsync("match");

        Assert.Contains("mode: incremental", incremental, StringComparison.Ordinal);
        Assert.Contains($"records processed: {Batch}", incremental, StringComparison.Ordinal);
        await AssertEveryRecordInAnActiveProfileAsync(2 * Batch + 1_000);
    }

    [Fact]
    public async Task Rebuild_re_resolves_a_large_batch_of_changed_records()
    {
        PeopleCsv.Write(Path.Combine(Exports, "1-first.csv"), people: Batch, copies: "a");
        await RunAsync("import", "--connector", Connector);
        await RunAsync("match");
        var before = await ProfileOfRecordAsync();

        // The source sends every record again with another family name: all need matching, all profiles are touched.
        PeopleCsv.Write(Path.Combine(Exports, "2-changed.csv"), people: Batch, copies: "a", familySuffix: "ington");
        await RunAsync("import", "--connector", Connector);
        var rebuild = await RunAsync("match", "--rebuild");

        Assert.Contains("mode: rebuild", rebuild, StringComparison.Ordinal);
        Assert.Contains($"records processed: {Batch}", rebuild, StringComparison.Ordinal);
        await AssertEveryRecordInAnActiveProfileAsync(Batch);
        Assert.Equal(before, await ProfileOfRecordAsync());
        await using var db = database.CreateContext();
        Assert.Equal(Batch, await db.Profiles.CountAsync(p => p.FamilyName != null && p.FamilyName.EndsWith("ington")));
    }

    private async Task AssertEveryRecordInAnActiveProfileAsync(int records)
    {
        await using var db = database.CreateContext();
        Assert.Equal(records, await db.SourceRecords.CountAsync());
        Assert.False(await db.SourceRecords.AnyAsync(r => r.NeedsMatching), "every record was matched");
        // Counted here, not by a correlated EXISTS: on tables just bulk-loaded and not yet analyzed, PostgreSQL may plan
        // that as a nested loop over 200,000 x 100,000 rows and pass the command timeout (seen once in a full run).
        var active = (await db.Profiles.Where(p => p.Status == ProfileStatus.Active).Select(p => p.Id).ToListAsync()).ToHashSet();
        var inActiveProfiles = (await db.Memberships.Select(m => m.ProfileId).ToListAsync()).Count(active.Contains);
        Assert.Equal(records, inActiveProfiles);
    }

    private async Task<Dictionary<long, Guid>> ProfileOfRecordAsync()
    {
        await using var db = database.CreateContext();
        return await db.Memberships.AsNoTracking().ToDictionaryAsync(m => m.RecordId, m => m.ProfileId);
    }

    /// <summary>Runs a `profilehub` verb on the test database; fails the test with its stderr unless it exits 0; returns its stdout.</summary>
    private async Task<string> RunAsync(params string[] args)
    {
        var environment = PeopleCsv.Connector(Connector, Exports);
        environment["ProfileHub__Database__Provider"] = database.ProviderName;
        environment["ProfileHub__Database__ConnectionString"] = database.ConnectionString;
        var stopwatch = Stopwatch.StartNew();
        await using var process = ProfileHubProcess.Start(_workingDirectory, environment, args);
        var code = await process.WaitForExitAsync(Patience);
        output.WriteLine($"profilehub {string.Join(' ', args)}: exit {code} in {stopwatch.Elapsed.TotalSeconds:0.0} s\n{Tail(process.Stderr)}");
        Assert.True(code == 0, $"profilehub {string.Join(' ', args)} exited {code}:\n{Tail(process.Stderr)}");
        return process.Stdout;
    }

    private static string Tail(string text) => text.Length <= 4_000 ? text : text[^4_000..];
}

public sealed class SqliteLargeLoadTests(SqliteTestDatabase database, ITestOutputHelper output) : LargeLoadTests<SqliteTestDatabase>(database, output);

public sealed class PostgresLargeLoadTests(PostgresTestDatabase database, ITestOutputHelper output) : LargeLoadTests<PostgresTestDatabase>(database, output);

public sealed class SqlServerLargeLoadTests(SqlServerTestDatabase database, ITestOutputHelper output) : LargeLoadTests<SqlServerTestDatabase>(database, output);
