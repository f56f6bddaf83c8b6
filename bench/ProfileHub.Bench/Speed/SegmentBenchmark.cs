using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using ProfileHub.Bench.Quality;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Sources;
using ProfileHub.Storage;
using ProfileHub.Storage.Migrations;
using ProfileHub.Storage.Providers;
using ProfileHub.Storage.Segments;
using ProfileHub.Server.Segments;

namespace ProfileHub.Bench.Speed;

/// <summary>
/// Segments on PostgreSQL (issue 7's speed targets): seeds N profiles with K touchpoints each in a throwaway
/// database (set-based SQL, so seeding is not the measurement), then times, median of 3: the full trait fold,
/// refreshing a segment that combines an attribute filter and a behavioural window (from empty each time),
/// exporting an audience of every consenting profile to CSV, and paging that audience 1,000 at a time with
/// the keyset query the GraphQL field runs (first page against the slowest). Drops the database at the end.
/// </summary>
internal static class SegmentBenchmark
{
    private const string Combined = "country = \"GB\" and purchases(last 90 days) >= 1";

    public static async Task<int> RunAsync(string[] args)
    {
        var server = QualityRunner.Option(args, "--server") ?? Environment.GetEnvironmentVariable("PROFILEHUB_TEST_POSTGRES")
            ?? throw new InvalidOperationException("--server CONNECTION (or PROFILEHUB_TEST_POSTGRES) is required");
        var profiles = int.Parse(QualityRunner.Option(args, "--profiles") ?? "100000", CultureInfo.InvariantCulture);
        var perProfile = int.Parse(QualityRunner.Option(args, "--touchpoints-per-profile") ?? "20", CultureInfo.InvariantCulture);
        // --database NAME keeps a seeded database between runs (seeding 20,000,000 touchpoints takes minutes):
        // created and seeded when missing, reused as it is otherwise, never dropped.
        var kept = QualityRunner.Option(args, "--database");
        var name = kept ?? $"profilehub_bench_{Guid.NewGuid():N}";
        var seed = kept is null || !await ExistsAsync(server, kept);
        if (seed)
        {
            await MatchDatabaseBenchmark.AdminAsync(server, $"CREATE DATABASE {name}");
        }

        var output = Path.Combine(Path.GetTempPath(), $"{name}.csv");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString;
            var provider = StorageProvider.Create(new DatabaseOptions { Provider = "postgres", ConnectionString = connection });
            using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            await new Migrator(provider, TimeProvider.System, logging.CreateLogger<Migrator>()).MigrateAsync(CancellationToken.None);
            var contexts = (IDbContextFactory<ProfileHubDbContext>)new MatchDatabaseBenchmark.Contexts(provider);
            var now = TimeProvider.System.GetUtcNow();

            var clock = Stopwatch.StartNew();
            if (seed)
            {
                await SeedAsync(connection, profiles, perProfile);
                Console.WriteLine($"seeded {profiles:N0} profiles, {(long)profiles * perProfile:N0} touchpoints: {clock.Elapsed.TotalSeconds:0.0} s");
            }
            else
            {
                await ResetAsync(connection);
                Console.WriteLine($"reusing database {name} (traits, segments and fold state emptied)");
            }

            await using (var db = await contexts.CreateDbContextAsync())
            {
                clock.Restart();
                var fold = await ProfileTraitFold.RunAsync(db, now, CancellationToken.None);
                Console.WriteLine($"trait fold, first (all touchpoints): {clock.Elapsed.TotalSeconds:0.00} s ({fold.RowsWritten:N0} rows)");
                db.Segments.AddRange(new Segment("combined", Combined, null, null, now), new Segment("everyone", "touchpoints >= 0", null, null, now));
                await db.SaveChangesAsync();
                clock.Restart();
                fold = await ProfileTraitFold.RunAsync(db, now.AddSeconds(1), CancellationToken.None);
                Console.WriteLine($"trait fold, nothing new: {clock.Elapsed.TotalSeconds:0.00} s ({fold.RowsWritten:N0} rows)");
            }

            var refresh = new List<double>();
            RefreshSummary? summary = null;
            for (var run = 0; run < 3; run++)
            {
                await using var db = await contexts.CreateDbContextAsync();
                await db.SegmentMemberships.ExecuteDeleteAsync();
                clock.Restart();
                summary = await RefreshAsync(db, "combined", now);
                refresh.Add(clock.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"refresh `{Combined}` from empty: median {Median(refresh):0.00} s of [{string.Join(", ", refresh.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))}] ({summary!.Members:N0} members)");

            await using (var db = await contexts.CreateDbContextAsync())
            {
                clock.Restart();
                var again = await RefreshAsync(db, "combined", now);
                Console.WriteLine($"refresh again, nothing changed: {clock.Elapsed.TotalSeconds:0.00} s (entered {again.Entered}, exited {again.Exited})");
                clock.Restart();
                var everyone = await RefreshAsync(db, "everyone", now);
                Console.WriteLine($"refresh `touchpoints >= 0` from empty: {clock.Elapsed.TotalSeconds:0.00} s ({everyone.Members:N0} members)");
            }

            var cap = new FrequencyCap();
            var exports = new List<double>();
            long rows = 0;
            for (var run = 0; run < 3; run++)
            {
                clock.Restart();
                rows = await new AudienceExport(contexts, TimeProvider.System, cap).RunAsync("everyone", ConsentChannel.Email, ExportFormat.Csv, output, null, CancellationToken.None);
                exports.Add(clock.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"export email audience of `everyone` to CSV: median {Median(exports):0.00} s of [{string.Join(", ", exports.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))}] ({rows:N0} rows, {new FileInfo(output).Length / 1_000_000.0:0.0} MB)");

            await PageAsync(contexts, cap, now);
            if (args.Contains("--explain"))
            {
                await ExplainAsync(contexts, cap, now);
            }

            return 0;
        }
        finally
        {
            File.Delete(output);
            NpgsqlConnection.ClearAllPools();
            if (kept is null)
            {
                await MatchDatabaseBenchmark.AdminAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
    }

    private static async Task<RefreshSummary> RefreshAsync(ProfileHubDbContext db, string name, DateTimeOffset now)
    {
        var segment = await db.Segments.SingleAsync(s => s.Name == name);
        var ids = await db.Segments.ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal);
        var rule = RuleValidator.Compile(segment.Rule, name, _ => null);
        return await SegmentRefresh.RunAsync(db, segment, new RuleTranslator(db, now, ids).Members(rule), now, CancellationToken.None);
    }

    /// <summary>Walks the whole audience 1,000 a page with the keyset query (ORDER BY profile id, id &gt; last cursor).</summary>
    private static async Task PageAsync(IDbContextFactory<ProfileHubDbContext> contexts, FrequencyCap cap, DateTimeOffset now)
    {
        int segmentId;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            segmentId = await db.Segments.Where(s => s.Name == "everyone").Select(s => s.Id).SingleAsync();
        }

        var times = new List<double>();
        Guid? after = null;
        var clock = new Stopwatch();
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync();
            clock.Restart();
            var query = AudienceQuery.Page(db, segmentId, ConsentChannel.Email, cap, now);
            if (after is { } last)
            {
                query = query.Where(m => m.ProfileId.CompareTo(last) > 0);
            }

            var page = await query.OrderBy(m => m.ProfileId).Take(1001).ToListAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (page.Count <= 1000)
            {
                break;
            }

            after = page[999].ProfileId;
        }

        // The first page pays for connection set-up and plan caching; compare the others with the second too.
        Console.WriteLine(FormattableString.Invariant(
            $"audience pages of 1,000: {times.Count} pages, first {times[0]:0.0} ms, second {(times.Count > 1 ? times[1] : times[0]):0.0} ms, median {Median(times):0.0} ms, slowest {times.Max():0.0} ms (page {times.IndexOf(times.Max()) + 1}), last {times[^1]:0.0} ms"));
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of the refresh's rule query, a whole-audience query and one page of 1,000 in the middle.</summary>
    private static async Task ExplainAsync(IDbContextFactory<ProfileHubDbContext> contexts, FrequencyCap cap, DateTimeOffset now)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var ids = await db.Segments.ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal);
        var rule = RuleValidator.Compile(Combined, "combined", _ => null);
        await PlanAsync(db, "refresh rule", new RuleTranslator(db, now, ids).Members(rule).Select(p => p.Id));
        var whole = AudienceQuery.Whole(db, ids["everyone"], ConsentChannel.Email, cap, now);
        var audience = AudienceQuery.Page(db, ids["everyone"], ConsentChannel.Email, cap, now);
        await PlanAsync(db, "whole audience (export)", whole.OrderBy(m => m.ProfileId));
        var middle = await audience.OrderBy(m => m.ProfileId).Skip(500_000).Select(m => m.ProfileId).FirstAsync();
        await PlanAsync(db, "audience page after the 500,000th member", audience.Where(m => m.ProfileId.CompareTo(middle) > 0).OrderBy(m => m.ProfileId).Take(1001));
    }

    private static async Task PlanAsync<T>(ProfileHubDbContext db, string title, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = query.CreateDbCommand();
#pragma warning disable CA2100 // EF Core's own SQL for the query, prefixed.
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
#pragma warning restore CA2100
        Console.WriteLine($"--- {title}");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine(reader.GetString(0));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<bool> ExistsAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>A kept database back to its seeded state: what the previous run computed is removed.</summary>
    private static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("TRUNCATE segment_memberships, segments, profile_traits, trait_fold_progress", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Set-based seeding: one connector, a record and a profile per person, email consent (9 in 10 granted), K touchpoints each over the last year.</summary>
    private static async Task SeedAsync(string connectionString, int profiles, int perProfile)
    {
        string[] statements =
        [
            "INSERT INTO connectors (name, kind, trust, enabled, created_at) VALUES ('bench', 'File', 50, true, now())",
            $"""
            INSERT INTO source_records (id, connector_id, source_key, observed_at, ingested_at, content_hash, needs_matching)
            SELECT i, 1, 'p' || i, now(), now(), md5(i::text), false FROM generate_series(1, {profiles}) i
            """,
            $"""
            INSERT INTO profiles (id, version, status, created_at, updated_at, given_name, family_name, primary_email, country)
            SELECT md5('profile' || i)::uuid, 1, 'Active', now(), now(), 'Given' || i, 'Family' || i, 'p' || i || '@example.com',
                   CASE i % 3 WHEN 0 THEN 'GB' WHEN 1 THEN 'FR' ELSE 'DE' END
            FROM generate_series(1, {profiles}) i
            """,
            $"""
            INSERT INTO profile_memberships (record_id, profile_id, linked_by, linked_at)
            SELECT i, md5('profile' || i)::uuid, 'Seed', now() - interval '400 days' FROM generate_series(1, {profiles}) i
            """,
            $"""
            INSERT INTO record_consents (record_id, channel, status, observed_at, contact_point)
            SELECT i, 'Email', CASE WHEN i % 10 = 0 THEN 'Unsubscribed' ELSE 'Granted' END, now() - interval '200 days', 'p' || i || '@example.com' FROM generate_series(1, {profiles}) i
            """,
            $"""
            INSERT INTO touchpoints (connector_id, source_event_id, source_record_id, channel, type, occurred_at, stage, online, controllable, initiative, amount, metrics, ingested_at)
            SELECT 1, i || ':' || s, i,
                   (ARRAY['Web','Web','Web','Web','Web','Web','Web','Email','Email','Support'])[k + 1],
                   (ARRAY['page_view','page_view','page_view','page_view','page_view','product_viewed','order_completed','open','delivered','satisfaction_rated'])[k + 1],
                   now() - ((i * 13 + s * 37) % 365) * interval '1 day',
                   (ARRAY['BeforePurchase','BeforePurchase','BeforePurchase','BeforePurchase','BeforePurchase','BeforePurchase','DuringPurchase','BeforePurchase','BeforePurchase','AfterPurchase'])[k + 1],
                   true, true,
                   CASE WHEN k IN (7, 8) THEN 'Proactive' ELSE 'Reactive' END,
                   CASE WHEN k = 6 THEN 20 END,
                   CASE WHEN k = 9 THEN jsonb_build_object('satisfaction_score', (i + s) % 2) END,
                   now()
            FROM generate_series(1, {profiles}) i, generate_series(1, {perProfile}) s, LATERAL (SELECT (i * 7 + s * 3) % 10 AS k) x
            """,
            "SELECT setval(pg_get_serial_sequence('source_records', 'id'), (SELECT max(id) FROM source_records))",
            "VACUUM ANALYZE",
        ];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
    }
}
