using System.Data.Common;
using ProfileHub.Storage.Migrations;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Migrations;

/// <summary>The fixture's database is already migrated with the shipped scripts; each test starts from there.</summary>
public abstract class MigratorTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private IReadOnlyList<MigrationScript> Shipped => database.NewMigrator().Scripts;

    [Fact]
    public async Task Migrating_an_up_to_date_database_applies_nothing()
    {
        Assert.Empty(await database.NewMigrator().MigrateAsync(CancellationToken.None));
        Assert.Empty(await database.NewMigrator().PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_new_script_is_applied_once_and_recorded()
    {
        var scripts = Shipped.Append(MigrationScript.FromFile("9001_probe.sql", "CREATE TABLE migration_probe (id INTEGER NOT NULL);")).ToList();
        try
        {
            Assert.Single(await database.NewMigrator(scripts).PendingAsync(CancellationToken.None));
            var applied = await database.NewMigrator(scripts).MigrateAsync(CancellationToken.None);
            Assert.Equal("9001_probe.sql", Assert.Single(applied).FileName);
            Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM migration_probe"));
            Assert.Empty(await database.NewMigrator(scripts).MigrateAsync(CancellationToken.None));
        }
        finally
        {
            await ExecuteAsync("DROP TABLE IF EXISTS migration_probe; DELETE FROM schema_migrations WHERE version = 9001");
        }
    }

    [Fact]
    public async Task Concurrent_migrators_apply_a_script_exactly_once()
    {
        var scripts = Shipped.Append(MigrationScript.FromFile("9002_race.sql", "CREATE TABLE migration_race (id INTEGER NOT NULL);")).ToList();
        try
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => database.NewMigrator(scripts).MigrateAsync(CancellationToken.None))));
            Assert.Equal(1, runs.Sum(r => r.Count));
            Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM schema_migrations WHERE version = 9002"));
        }
        finally
        {
            await ExecuteAsync("DROP TABLE IF EXISTS migration_race; DELETE FROM schema_migrations WHERE version = 9002");
        }
    }

    [Fact]
    public async Task An_edited_applied_script_is_an_error_naming_the_file()
    {
        var edited = Shipped.Select(s => s.Version == 1 ? s with { Sql = s.Sql + "\n-- edited" } : s).ToList();
        var error = await Assert.ThrowsAsync<MigrationException>(() => database.NewMigrator(edited).MigrateAsync(CancellationToken.None));
        Assert.Contains($"{database.ProviderName}/0001_initial.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_ending_change_is_not_an_edit()
    {
        var crlf = Shipped.Select(s => s with { Sql = s.Sql.ReplaceLineEndings("\r\n") }).ToList();
        Assert.Empty(await database.NewMigrator(crlf).MigrateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_script_leaves_the_database_as_it_was()
    {
        const string Broken = "CREATE TABLE half_done (id INTEGER NOT NULL); INSERT INTO no_such_table VALUES (1);";
        var scripts = Shipped.Append(MigrationScript.FromFile("9003_broken.sql", Broken)).ToList();
        var error = await Assert.ThrowsAsync<MigrationException>(() => database.NewMigrator(scripts).MigrateAsync(CancellationToken.None));
        Assert.Contains("9003_broken.sql failed and was rolled back", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM schema_migrations WHERE version = 9003"));
        await Assert.ThrowsAnyAsync<DbException>(() => ScalarAsync("SELECT count(*) FROM half_done"));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_stops_the_run_and_changes_nothing()
    {
        await ExecuteAsync("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, '9999_future.sql', 'x', 'then')");
        try
        {
            var scripts = Shipped.Append(MigrationScript.FromFile("9004_never.sql", "CREATE TABLE never_applied (id INTEGER);")).ToList();
            var error = await Assert.ThrowsAsync<MigrationException>(() => database.NewMigrator(scripts).MigrateAsync(CancellationToken.None));
            Assert.Contains("newer ProfileHub", error.Message, StringComparison.Ordinal);
            Assert.Contains("9999_future.sql", error.Message, StringComparison.Ordinal);
            await Assert.ThrowsAnyAsync<DbException>(() => ScalarAsync("SELECT count(*) FROM never_applied"));
        }
        finally
        {
            await ExecuteAsync("DELETE FROM schema_migrations WHERE version = 9999");
        }
    }

    [Fact]
    public void Script_names_must_carry_a_version() =>
        Assert.Throws<ArgumentException>(() => MigrationScript.FromFile("initial.sql", "SELECT 1"));

    [Fact]
    public void Two_scripts_with_one_version_are_refused() =>
        Assert.Throws<ArgumentException>(() => MigrationScript.Ordered([MigrationScript.FromFile("0002_a.sql", ""), MigrationScript.FromFile("0002_b.sql", "")]));

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = database.Provider.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = database.Provider.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteMigratorTests(SqliteTestDatabase database) : MigratorTests<SqliteTestDatabase>(database);

public sealed class PostgresMigratorTests(PostgresTestDatabase database) : MigratorTests<PostgresTestDatabase>(database);

public sealed class SqlServerMigratorTests(SqlServerTestDatabase database) : MigratorTests<SqlServerTestDatabase>(database);
