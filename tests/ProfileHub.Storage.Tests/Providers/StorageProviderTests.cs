using Microsoft.Data.Sqlite;
using Npgsql;
using ProfileHub.Storage.Providers;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Providers;

/// <summary>Misconfiguration and unusable databases stop start-up with one line naming the setting, changing nothing.</summary>
public sealed class StorageProviderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("profilehub-provider-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void An_unknown_provider_names_the_provider_setting()
    {
        var error = Assert.Throws<DatabaseSetupException>(() => StorageProvider.Create(new DatabaseOptions { Provider = "mysql" }));
        Assert.Equal("ProfileHub:Database:Provider: unknown provider 'mysql' (expected 'sqlite', 'postgres' or 'sqlserver')", error.Message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_names_the_setting()
    {
        var error = Assert.Throws<DatabaseSetupException>(() => StorageProvider.Create(new DatabaseOptions { Provider = "postgres" }));
        Assert.StartsWith("ProfileHub:Database:ConnectionString: required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_sqlite_file_lives_under_data_in_the_working_directory()
    {
        var provider = StorageProvider.Create(new DatabaseOptions());
        Assert.Equal($"sqlite file {Path.GetFullPath("data/profilehub.db")}", provider.Describe());
    }

    [Fact]
    public async Task A_corrupt_sqlite_file_is_reported_and_left_untouched()
    {
        var file = Path.Combine(_directory, "corrupt.db");
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(file, garbage);

        var error = await Assert.ThrowsAsync<DatabaseSetupException>(() => Sqlite(file).VerifyAsync(CancellationToken.None));

        Assert.Contains("is not a SQLite database or is corrupt", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task A_sqlite_file_locked_by_another_process_is_reported()
    {
        var file = Path.Combine(_directory, "locked.db");
        await using var holder = new SqliteConnection($"Data Source={file};Pooling=False");
        await holder.OpenAsync();
        await using (var create = holder.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (x INTEGER); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);";
            await create.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<DatabaseSetupException>(() => Sqlite(file).VerifyAsync(CancellationToken.None));
        Assert.Contains("is locked by another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_written_is_reported()
    {
        // Root ignores file permissions, so use a place nobody can create files in.
        var error = await Assert.ThrowsAsync<DatabaseSetupException>(() => Sqlite("/proc/profilehub-test/data/profilehub.db").VerifyAsync(CancellationToken.None));
        Assert.StartsWith("ProfileHub:Database:ConnectionString: the data directory /proc/profilehub-test/data cannot be created or written", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrating_sqlite_switches_the_file_to_wal_mode()
    {
        var file = Path.Combine(_directory, "wal.db");
        var provider = Sqlite(file);
        await provider.VerifyAsync(CancellationToken.None);
        await new Storage.Migrations.Migrator(provider, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Storage.Migrations.Migrator>.Instance)
            .MigrateAsync(CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_reported_with_its_address()
    {
        var provider = StorageProvider.Create(new DatabaseOptions { Provider = "postgres", ConnectionString = $"Host=127.0.0.1;Port={FreePort.Find()};Username=x;Database=y;Timeout=3" });
        var error = await Assert.ThrowsAsync<DatabaseSetupException>(() => provider.VerifyAsync(CancellationToken.None));
        Assert.StartsWith("ProfileHub:Database:ConnectionString: cannot reach PostgreSQL at 127.0.0.1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_postgres_database_is_reported_by_name()
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.ServerConnectionString) { Database = "profilehub_does_not_exist" };
        var provider = StorageProvider.Create(new DatabaseOptions { Provider = "postgres", ConnectionString = settings.ConnectionString });
        var error = await Assert.ThrowsAsync<DatabaseSetupException>(() => provider.VerifyAsync(CancellationToken.None));
        Assert.Contains("database 'profilehub_does_not_exist' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(";Max Auto Prepare=0", false)]
    [InlineData(";maxautoprepare=0", false)]
    public async Task Postgres_prepares_a_frequent_statement_unless_the_connection_string_says_otherwise(string setting, bool prepared)
    {
        var provider = (PostgresProvider)StorageProvider.Create(new DatabaseOptions { Provider = "postgres", ConnectionString = PostgresTestDatabase.ServerConnectionString + setting });
        await using var connection = provider.DataSource.CreateConnection();
        await connection.OpenAsync();
        for (var i = 0; i < 10; i++)
        {
            await using var frequent = new NpgsqlCommand("SELECT $1::int + 1", connection) { Parameters = { new() { Value = i } } };
            Assert.Equal(i + 1, await frequent.ExecuteScalarAsync());
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + 1%'", connection);
        Assert.Equal(prepared ? 1L : 0L, await count.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(";No Reset On Close=false", false)]
    public async Task A_postgres_connection_is_not_reset_when_it_goes_back_to_the_pool_unless_asked(string setting, bool kept)
    {
        var provider = (PostgresProvider)StorageProvider.Create(new DatabaseOptions { Provider = "postgres", ConnectionString = PostgresTestDatabase.ServerConnectionString + ";Maximum Pool Size=1" + setting });
        await using (var connection = provider.DataSource.CreateConnection())
        {
            await connection.OpenAsync();
            await using var session = new NpgsqlCommand("SET application_name = 'left behind'", connection);
            await session.ExecuteNonQueryAsync();
        }

        // The pool's only connection again: reset on return runs RESET ALL, so the setting tells whether it ran.
        await using var again = provider.DataSource.CreateConnection();
        await again.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW application_name", again);
        Assert.Equal(kept, (string?)await show.ExecuteScalarAsync() == "left behind");
    }

    private static StorageProvider Sqlite(string file) =>
        StorageProvider.Create(new DatabaseOptions { ConnectionString = $"Data Source={file};Pooling=False" });
}
