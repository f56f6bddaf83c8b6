using Npgsql;

namespace ProfileHub.Testing;

/// <summary>
/// A throwaway database on the PostgreSQL server that the test command starts (its admin connection string is
/// in PROFILEHUB_TEST_POSTGRES), created for one fixture and dropped with it.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "PROFILEHUB_TEST_POSTGRES";

    private readonly string _name = $"profilehub_test_{Guid.NewGuid():N}";

    public override string ProviderName => "postgres";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests with ./build.sh test, which starts a throwaway PostgreSQL server.");

    protected override async Task<string> CreateAsync()
    {
        await AdminAsync($"CREATE DATABASE {_name}");
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _name }.ConnectionString;
    }

    protected override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
