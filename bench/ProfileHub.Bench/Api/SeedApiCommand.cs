using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using ProfileHub.Bench.Quality;
using ProfileHub.Core.Matching;
using AttributeNames = ProfileHub.Core.Profiles.AttributeNames;
using ProfileHub.Core.Survivorship;
using ProfileHub.Server.Matching;
using ProfileHub.Storage;
using ProfileHub.Storage.Migrations;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Bench.Api;

/// <summary>
/// `seed-api --connection CONN [--profiles N] [--touchpoints-per-profile T] [--seed S]`: migrates the PostgreSQL
/// database CONN and fills it for the API benchmark: N active golden profiles, two source records each (emails,
/// phones), their memberships (the second one with a match explanation), ten attributes with lineage per
/// profile and T touchpoints per profile on its records. Binary COPY, six tables at once on six connections,
/// into tables emptied in the same transaction (COPY FREEZE: no vacuum or hint-bit writes afterwards), with
/// the secondary indexes and foreign keys dropped during the load and rebuilt after it (as pg_restore does).
/// A database already seeded (the comment on <c>profiles</c> says so) is left as it is, so reruns are quick.
/// <c>--create</c> creates the database first when it does not exist; <c>--sample DIR</c> then writes the
/// load driver's inputs: <c>emails.txt</c> (emails as the sources wrote them) and <c>profile-ids.txt</c>.
/// </summary>
internal static class SeedApiCommand
{
    private const string Marker = "seeded by seed-api";

    private static readonly string[] Tables = ["profiles", "profile_attributes", "source_records", "record_identifiers", "profile_memberships", "touchpoints"];

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = QualityRunner.Option(args, "--connection")
            ?? throw new InvalidOperationException("--connection CONNECTION (a database of its own) is required");
        var profiles = int.Parse(QualityRunner.Option(args, "--profiles") ?? "1000000", CultureInfo.InvariantCulture);
        var touchpoints = int.Parse(QualityRunner.Option(args, "--touchpoints-per-profile") ?? "10", CultureInfo.InvariantCulture);
        var seed = int.Parse(QualityRunner.Option(args, "--seed") ?? "6", CultureInfo.InvariantCulture);
        var sample = QualityRunner.Option(args, "--sample");
        if (args.Contains("--create"))
        {
            await CreateDatabaseAsync(connection);
        }

        var status = await SeedAsync(connection, profiles, touchpoints, seed);
        if (status == 0 && sample is not null)
        {
            await SampleAsync(connection, sample);
        }

        return status;
    }

    private static async Task<int> SeedAsync(string connection, int profiles, int touchpoints, int seed)
    {

        var provider = StorageProvider.Create(new DatabaseOptions { Provider = "postgres", ConnectionString = connection });
        using (var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)))
        {
            await new Migrator(provider, TimeProvider.System, logging.CreateLogger<Migrator>()).MigrateAsync(CancellationToken.None);
        }

        await using var admin = new NpgsqlConnection(connection);
        await admin.OpenAsync();
        var marker = (await Scalar(admin, "SELECT obj_description('profiles'::regclass, 'pg_class')")) as string;
        if (marker is not null && marker.StartsWith(Marker, StringComparison.Ordinal))
        {
            Console.WriteLine($"already {marker}: nothing to do");
            return 0;
        }

        if ((long)(await Scalar(admin, "SELECT count(*) FROM (SELECT 1 FROM profiles LIMIT 1) p"))! > 0)
        {
            Console.Error.WriteLine("profiles holds rows but no seed-api marker (an interrupted seed, or someone's data): use a fresh database");
            return 2;
        }

        var total = Stopwatch.StartNew();
        var connectorIds = await ConnectorsAsync(admin);
        var schema = await SeedSchema.DropAsync(admin, Tables);
        Console.WriteLine($"dropped {schema.Count} secondary indexes and foreign keys for the load");

        var clock = Stopwatch.StartNew();
        var population = new SeedPopulation(seed);
        var writer = new SeedWriter(population, connectorIds, profiles, touchpoints);
        var counts = await writer.WriteAsync(connection);
        var load = clock.Elapsed;
        Console.WriteLine($"COPY {counts.Values.Sum():N0} rows in {load.TotalSeconds:0.0} s ({counts.Values.Sum() / load.TotalSeconds:N0} rows/s)");
        foreach (var (table, rows) in counts)
        {
            Console.WriteLine($"  {table,-20} {rows,12:N0}");
        }

        clock.Restart();
        await SeedSchema.RestoreAsync(connection, schema);
        Console.WriteLine($"rebuilt indexes and foreign keys in {clock.Elapsed.TotalSeconds:0.0} s");

        clock.Restart();
        foreach (var (table, column) in (ValueTuple<string, string>[])[("source_records", "id"), ("profile_attributes", "id"), ("record_identifiers", "id"), ("touchpoints", "id")])
        {
            await Execute(admin, $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), (SELECT coalesce(max({column}), 1) FROM {table}))");
        }

        await Execute(admin, "ANALYZE");
        await Execute(admin, $"COMMENT ON TABLE profiles IS '{Marker}: {profiles} profiles, {touchpoints} touchpoints each, seed {seed}'");
        Console.WriteLine($"ANALYZE in {clock.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"seeded {profiles:N0} profiles in {total.Elapsed.TotalSeconds:0.0} s ({counts.Values.Sum() / total.Elapsed.TotalSeconds:N0} rows/s overall)");
        return 0;
    }

    private static async Task CreateDatabaseAsync(string connection)
    {
        var target = new NpgsqlConnectionStringBuilder(connection);
        var name = target.Database ?? throw new InvalidOperationException("the connection string names no Database");
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
        await server.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", server);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await Execute(server, $"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            Console.WriteLine($"created database {name}");
        }
    }

    /// <summary>100,000 emails (as written, so the API normalizes them) and profile ids, spread over the whole table in a fixed pseudo-random order.</summary>
    private static async Task SampleAsync(string connection, string directory)
    {
        Directory.CreateDirectory(directory);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        foreach (var (file, sql) in (ValueTuple<string, string>[])[
            ("emails.txt", "SELECT value FROM record_identifiers WHERE kind = 'Email' GROUP BY value ORDER BY md5(value) LIMIT 100000"),
            ("profile-ids.txt", "SELECT replace(id::text, '-', '') FROM profiles ORDER BY md5(id::text) LIMIT 100000")])
        {
            var lines = new List<string>();
#pragma warning disable CA2100 // Constant SQL of this bench.
            await using (var command = new NpgsqlCommand(sql, db))
#pragma warning restore CA2100
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(0));
                }
            }

            await File.WriteAllLinesAsync(Path.Combine(directory, file), lines);
            Console.WriteLine($"wrote {lines.Count:N0} lines to {Path.Combine(directory, file)}");
        }
    }

    private static async Task<int[]> ConnectorsAsync(NpgsqlConnection connection)
    {
        var ids = new int[SeedPopulation.Connectors.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var connector = SeedPopulation.Connectors[i];
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO connectors (name, kind, trust, enabled, created_at) VALUES (@n, @k, @t, false, @c) " +
                "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
                connection);
            upsert.Parameters.AddWithValue("n", connector.Name);
            upsert.Parameters.AddWithValue("k", connector.Kind.ToString());
            upsert.Parameters.AddWithValue("t", connector.Trust);
            upsert.Parameters.AddWithValue("c", SeedPopulation.Epoch);
            ids[i] = (int)(await upsert.ExecuteScalarAsync())!;
        }

        return ids;
    }

    internal static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
#pragma warning disable CA2100 // Constant SQL of this bench over its own database.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return await command.ExecuteScalarAsync();
    }

    internal static async Task Execute(NpgsqlConnection connection, string sql)
    {
#pragma warning disable CA2100 // Constant SQL of this bench, or definitions read back from the catalog.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The match explanation stored on a second record's membership: the pair agreed on email and both names.</summary>
    internal static string Explanation(SeedPerson person, Random random)
    {
        var email = 11 + random.NextDouble() * 2;
        var family = 3 + random.NextDouble() * 2;
        var given = 2 + random.NextDouble() * 2;
        var total = -19.9 + email + family + given;
        return ExplanationJson.Write(new MatchExplanation(
            MatchRecord.Format(person.FirstRecordId),
            MatchRecord.Format(person.SecondRecordId),
            -19.9,
            [
                new(Comparison.Email, AttributeNames.Email, "exact", email, person.Email, person.Email, null),
                new(Comparison.FamilyName, AttributeNames.LastName, "exact", family, person.FamilyName, person.FamilyName, null),
                new(Comparison.GivenName, AttributeNames.FirstName, "exact", given, person.GivenName, person.GivenName, null),
            ],
            total,
            1 / (1 + Math.Pow(2, -total)),
            MatchDecision.Linked,
            null));
    }

    internal static string Rule(Random random) => random.Next(10) switch
    {
        < 5 => nameof(SurvivorshipDecision.SourceTrust),
        < 7 => nameof(SurvivorshipDecision.MostRecent),
        < 9 => nameof(SurvivorshipDecision.Unanimous),
        _ => nameof(SurvivorshipDecision.MostComplete),
    };
}
