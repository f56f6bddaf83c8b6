using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using ProfileHub.Core.Matching;
using ProfileHub.Bench.Quality;
using ProfileHub.Bench.Synthetic;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Profiles;
using ProfileHub.Server.Matching;
using ProfileHub.Storage;
using ProfileHub.Storage.Migrations;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Bench.Speed;

/// <summary>
/// `match-db --server CONNECTION [--people N] [--new-percent P] [--batches B] [--no-rebuild-check]`: `profilehub
/// match` on PostgreSQL. Creates a throwaway database on the server and bulk-loads a synthetic multi-channel set
/// (binary COPY) in steps, as a deployment grows: half of all the records the run will load is matched by a
/// rebuild (there is no model yet; it trains one), the rest of the existing records incrementally against
/// those profiles (a model trained on at least half of today's records is kept, see MatchRunner.Outgrown). Then B batches of P% new records
/// each are loaded and matched incrementally, one at a time, each timed: the figure issue 3 asks for ("100,000
/// new records against 1,000,000 existing profiles") with the median of the batches. Last, unless
/// --no-rebuild-check, a rebuild on the same data counts the records whose profile it changes (incremental =
/// rebuild). Drops the database at the end.
/// </summary>
internal static class MatchDatabaseBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var server = Server(args);
        var people = int.Parse(QualityRunner.Option(args, "--people") ?? "45000", CultureInfo.InvariantCulture);
        var newPercent = double.Parse(QualityRunner.Option(args, "--new-percent") ?? "10", CultureInfo.InvariantCulture);
        var batches = int.Parse(QualityRunner.Option(args, "--batches") ?? "1", CultureInfo.InvariantCulture);
        var name = $"profilehub_bench_{Guid.NewGuid():N}";
        await AdminAsync(server, $"CREATE DATABASE {name}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            var provider = StorageProvider.Create(new DatabaseOptions { Provider = "postgres", ConnectionString = connection });
            using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
            await new Migrator(provider, TimeProvider.System, logging.CreateLogger<Migrator>()).MigrateAsync(CancellationToken.None);

            var records = SyntheticPeople.Generate(people, seed: 11);
            var batchSize = (int)(records.Count * newPercent / 100);
            var existing = records.Count - (batches * batchSize);
            var runner = new MatchRunner(new Contexts(provider), TimeProvider.System, logging.CreateLogger<MatchRunner>(), MatchSettings.Default);
            Console.WriteLine($"{records.Count} synthetic records: {existing} existing, then {batches} batch(es) of {batchSize} new");

            // The model the first step trains serves while the records at most double (MatchRunner.Outgrown): the
            // first step takes half of everything the run will load, rounded up, so the second step and every
            // timed batch stay incremental.
            var half = (records.Count + 1) / 2;
            await LoadAndMatchAsync("first match (rebuild, trains the model)", 0, half);
            await LoadAndMatchAsync("second match (incremental), the rest of the existing records", half, existing);
            var timings = new List<double>();
            for (var batch = 0; batch < batches; batch++)
            {
                var profiles = await ActiveProfilesAsync(provider);
                var from = existing + (batch * batchSize);
                timings.Add(await LoadAndMatchAsync($"batch {batch + 1}: {batchSize} new records against {profiles} profiles", from, from + batchSize));
            }

            timings.Sort();
            Console.WriteLine($"incremental match of {batchSize} new records: runs {string.Join(" / ", timings.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)))} s, median {timings[timings.Count / 2]:0.0} s");

            if (!args.Contains("--no-rebuild-check"))
            {
                // Incremental = rebuild on the same data: profile ids are stable, so a record whose profile changes is a difference.
                var afterIncremental = await MembershipsAsync(provider);
                var rebuild = await runner.RunAsync(rebuild: true, CancellationToken.None);
                Console.WriteLine($"rebuild match ({rebuild})");
                var afterRebuild = await MembershipsAsync(provider);
                var moved = afterIncremental.Count(m => afterRebuild[m.Key] != m.Value);
                Console.WriteLine($"records whose profile the rebuild changed: {moved} of {afterIncremental.Count}");
            }

            return 0;

            async Task<double> LoadAndMatchAsync(string what, int from, int to)
            {
                var clock = Stopwatch.StartNew();
                await CopyAsync(connection, records, from, to);
                Console.WriteLine($"bulk load of {to - from} records: {clock.Elapsed.TotalSeconds:0.0} s");
                clock.Restart();
                var summary = await runner.RunAsync(rebuild: false, CancellationToken.None);
                Console.WriteLine($"{what} ({summary}): {clock.Elapsed.TotalSeconds:0.0} s");
                return clock.Elapsed.TotalSeconds;
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task<int> ActiveProfilesAsync(StorageProvider provider)
    {
        await using var db = new Contexts(provider).CreateDbContext();
        return await db.Profiles.CountAsync(p => p.Status == ProfileStatus.Active);
    }

    /// <summary>Records [from, to) as source records of one connector per channel, ids = position + 1.</summary>
    private static async Task CopyAsync(string connectionString, List<SyntheticRecord> records, int from, int to)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var now = TimeProvider.System.GetUtcNow();
        var connectors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in records.Select(r => r.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO connectors (name, kind, trust, enabled, created_at) VALUES (@n, 'File', 50, true, @t) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
                connection);
            upsert.Parameters.AddWithValue("n", source);
            upsert.Parameters.AddWithValue("t", now);
            connectors[source] = (int)(await upsert.ExecuteScalarAsync())!;
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY source_records (id, connector_id, source_key, first_name, last_name, full_name, street_number, street, city, postal_code, country, birth_date, birth_date_raw, observed_at, ingested_at, content_hash, needs_matching) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = from; i < to; i++)
            {
                var r = records[i];
                var birth = r.BirthDate is null ? null : DateNormalizer.Parse(r.BirthDate).Date;
                await copy.StartRowAsync();
                await copy.WriteAsync((long)(i + 1), NpgsqlDbType.Bigint);
                await copy.WriteAsync(connectors[r.Source], NpgsqlDbType.Integer);
                await copy.WriteAsync(r.RecordId, NpgsqlDbType.Varchar);
                foreach (var text in (string?[])[r.FirstName, r.LastName, r.FullName, r.StreetNumber, r.Street, r.City, r.PostalCode, "US"])
                {
                    await WriteNullableAsync(copy, text, NpgsqlDbType.Text);
                }

                await WriteNullableAsync(copy, birth, NpgsqlDbType.Date);
                await WriteNullableAsync(copy, birth is null ? r.BirthDate : null, NpgsqlDbType.Text);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(r.RecordId.PadLeft(64, '0')[^64..], NpgsqlDbType.Varchar);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY record_identifiers (record_id, kind, value, normalized_value) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = from; i < to; i++)
            {
                var r = records[i];
                var email = IdentifierNormalizer.Email(r.Email);
                var phone = IdentifierNormalizer.Phone(r.Phone, "US");
                foreach (var (kind, value, normalized) in (ValueTuple<string, string?, string?>[])[("Email", r.Email, email), ("Phone", r.Phone, phone), ("LoyaltyId", r.LoyaltyId, r.LoyaltyId)])
                {
                    if (value is not null && normalized is not null)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync((long)(i + 1), NpgsqlDbType.Bigint);
                        await copy.WriteAsync(kind, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(value, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(normalized, NpgsqlDbType.Varchar);
                    }
                }
            }

            await copy.CompleteAsync();
        }

        await using var sequence = new NpgsqlCommand("SELECT setval(pg_get_serial_sequence('source_records', 'id'), (SELECT max(id) FROM source_records))", connection);
        await sequence.ExecuteNonQueryAsync();
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value, type);
        }
    }

    /// <summary>The PostgreSQL server to create throwaway databases on: --server, or PROFILEHUB_TEST_POSTGRES.</summary>
    internal static string Server(string[] args) =>
        QualityRunner.Option(args, "--server") ?? Environment.GetEnvironmentVariable("PROFILEHUB_TEST_POSTGRES")
            ?? throw new InvalidOperationException("--server CONNECTION (or PROFILEHUB_TEST_POSTGRES) is required");

    internal static async Task AdminAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Dictionary<long, Guid>> MembershipsAsync(StorageProvider provider)
    {
        await using var db = new Contexts(provider).CreateDbContext();
        return await db.Memberships.AsNoTracking().ToDictionaryAsync(m => m.RecordId, m => m.ProfileId);
    }

    internal sealed class Contexts(StorageProvider provider) : IDbContextFactory<ProfileHubDbContext>
    {
        public ProfileHubDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<ProfileHubDbContext>();
            provider.ConfigureDbContext(options);
            return new ProfileHubDbContext(options.Options);
        }
    }
}
