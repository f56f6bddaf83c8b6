using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Model;

/// <summary>
/// <see cref="ListParameter"/> on each provider: lists longer than SQLite binds in one statement (32,766), of
/// each kind of key ProfileHub filters by, bound as one parameter, read with the column's own type mapping.
/// </summary>
public abstract class ListParameterTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const int Many = 40_000;

    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Forty_thousand_keys_of_each_type_bind_as_one_parameter_and_find_their_rows()
    {
        var (records, profiles) = await SeedAsync();
        var recordIds = Enumerable.Range(1, Many).Select(i => records[0] + 1_000_000 + i).Append(records[1]).ToList();
        var keys = Enumerable.Range(1, Many).Select(i => $"absent-{i}").Append("key-2").ToHashSet();
        var profileIds = Enumerable.Range(1, Many).Select(_ => Guid.NewGuid()).Append(profiles[0]).ToList();
        var times = Enumerable.Range(1, Many).Select(i => T0.AddSeconds(-i)).Append(T0.AddMinutes(1)).ToList();

        await using var db = database.CreateContext();
        var byId = db.SourceRecords.WhereIn(r => r.Id, recordIds);
        Assert.Single(byId.CreateDbCommand().Parameters);
        Assert.Equal([records[1]], await byId.Select(r => r.Id).ToListAsync());
        Assert.Equal(["key-2"], await db.SourceRecords.WhereIn(r => r.SourceKey, keys).Select(r => r.SourceKey).ToListAsync());
        Assert.Equal([profiles[0]], await db.Profiles.WhereIn(p => p.Id, profileIds).Select(p => p.Id).ToListAsync());
        Assert.Equal([profiles[1]], await db.Profiles.WhereIn(p => p.CreatedAt, times).Select(p => p.Id).ToListAsync());
        Assert.Equal(2, await db.Profiles.WhereIn(p => p.Status, Enumerable.Repeat(ProfileStatus.Erased, Many).Append(ProfileStatus.Active)).CountAsync());

        // Composed into a subquery of another statement, and as the filter of a set-based delete.
        var members = db.SourceRecords.WhereIn(r => r.Id, recordIds);
        Assert.Equal(1, await db.Connectors.CountAsync(c => members.Any(r => r.ConnectorId == c.Id)));
        Assert.Equal(1, await db.SourceRecords.WhereIn(r => r.Id, recordIds).ExecuteDeleteAsync());
        Assert.Equal([records[0]], await db.SourceRecords.Select(r => r.Id).ToListAsync());
    }

    [Fact]
    public async Task A_null_in_the_list_matches_null_columns_as_LINQ_to_objects_does()
    {
        await SeedAsync();
        await using var db = database.CreateContext();

        var withNull = await db.SourceRecords.WhereIn(r => r.FirstName, ["Ada", null]).Select(r => r.SourceKey).OrderBy(k => k).ToListAsync();
        var withoutNull = await db.SourceRecords.WhereIn(r => r.FirstName, ["Ada"]).Select(r => r.SourceKey).ToListAsync();
        var none = await db.SourceRecords.WhereIn(r => r.FirstName, Array.Empty<string?>()).CountAsync();

        Assert.Equal(["key-1", "key-2"], withNull);
        Assert.Equal(["key-1"], withoutNull);
        Assert.Equal(0, none);
    }

    /// <summary>Two records (the second without a first name) and two profiles, created a minute apart.</summary>
    private async Task<(long[] Records, Guid[] Profiles)> SeedAsync()
    {
        await using var db = database.CreateContext();
        var connector = new Connector("crm", ConnectorKind.File, 50, T0);
        db.Connectors.Add(connector);
        await db.SaveChangesAsync();
        var first = new SourceRecord(connector.Id, "key-1", T0, T0) { FirstName = "Ada" };
        var second = new SourceRecord(connector.Id, "key-2", T0, T0);
        var profiles = new[] { new GoldenProfile(Guid.NewGuid(), T0), new GoldenProfile(Guid.NewGuid(), T0.AddMinutes(1)) };
        db.SourceRecords.AddRange(first, second);
        db.Profiles.AddRange(profiles);
        await db.SaveChangesAsync();
        return ([first.Id, second.Id], [.. profiles.Select(p => p.Id)]);
    }
}

public sealed class SqliteListParameterTests(SqliteTestDatabase database) : ListParameterTests<SqliteTestDatabase>(database);

public sealed class PostgresListParameterTests(PostgresTestDatabase database) : ListParameterTests<PostgresTestDatabase>(database);

public sealed class SqlServerListParameterTests(SqlServerTestDatabase database) : ListParameterTests<SqlServerTestDatabase>(database);
