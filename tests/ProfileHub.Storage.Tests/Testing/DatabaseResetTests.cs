using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Testing;

/// <summary><see cref="DatabaseReset"/> (Respawn) on each provider: rows gone, identities restarted, migration history kept.</summary>
public abstract class DatabaseResetTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    [Fact]
    public async Task Reset_empties_the_tables_restarts_identities_and_keeps_the_migration_history()
    {
        // A profile merged into another references it with ON DELETE RESTRICT, which SQLite enforces row by row.
        var migrations = await CountAsync("schema_migrations");
        await SeedAsync();
        await SeedAsync();

        await database.ResetAsync();

        Assert.Equal(0, await CountAsync("source_records"));
        Assert.Equal(0, await CountAsync("connectors"));
        Assert.Equal(0, await CountAsync("profiles"));
        Assert.True(migrations > 0);
        Assert.Equal(migrations, await CountAsync("schema_migrations"));
        Assert.Equal(1, await SeedAsync());
    }

    private async Task<int> SeedAsync()
    {
        await using var db = database.CreateContext();
        var connector = new Connector($"crm-{Guid.NewGuid():N}", ConnectorKind.File, 50, T0);
        db.Connectors.Add(connector);
        await db.SaveChangesAsync();
        db.SourceRecords.Add(new SourceRecord(connector.Id, "key-1", T0, T0));
        var survivor = new GoldenProfile(Guid.NewGuid(), T0);
        db.Profiles.Add(survivor);
        await db.SaveChangesAsync();
        var merged = new GoldenProfile(Guid.NewGuid(), T0);
        merged.MergeInto(survivor, T0);
        db.Profiles.Add(merged);
        await db.SaveChangesAsync();
        return connector.Id;
    }

    private async Task<long> CountAsync(string table)
    {
        await using var db = database.CreateContext();
#pragma warning disable EF1002 // Table names are the test's own constants.
        return await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM {table}").SingleAsync();
#pragma warning restore EF1002
    }
}

public sealed class SqliteDatabaseResetTests(SqliteTestDatabase database) : DatabaseResetTests<SqliteTestDatabase>(database);

public sealed class PostgresDatabaseResetTests(PostgresTestDatabase database) : DatabaseResetTests<PostgresTestDatabase>(database);
