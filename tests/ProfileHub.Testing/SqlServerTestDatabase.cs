using Microsoft.Data.SqlClient;

namespace ProfileHub.Testing;

/// <summary>
/// A throwaway database on the SQL Server named by PROFILEHUB_TEST_SQLSERVER (an admin connection string, e.g.
/// <c>Server=127.0.0.1,1433;User Id=sa;Password=...;TrustServerCertificate=True</c>), created for one fixture and
/// dropped with it. Where the variable is not set the fixture does nothing and <see cref="ProviderTestFramework"/>
/// reports the test classes that use it as skipped.
/// </summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    public const string ServerVariable = "PROFILEHUB_TEST_SQLSERVER";

    public const string SkipReason = $"SQL Server tests skipped: {ServerVariable} names no server.";

    private readonly string _name = $"profilehub_test_{Guid.NewGuid():N}";

    public override string ProviderName => "sqlserver";

    public static bool ServerNamed => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 };

    public override bool Available => ServerNamed;

    private static string ServerConnectionString => Environment.GetEnvironmentVariable(ServerVariable)!;

    protected override async Task<string> CreateAsync()
    {
        await AdminAsync($"CREATE DATABASE [{_name}]");
        return new SqlConnectionStringBuilder(ServerConnectionString) { InitialCatalog = _name }.ConnectionString;
    }

    protected override async Task DropAsync()
    {
        SqlConnection.ClearAllPools();
        await AdminAsync($"IF DB_ID(N'{_name}') IS NOT NULL BEGIN ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]; END");
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new SqlConnection(ServerConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // A generated database name, not input.
        await using var command = new SqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
