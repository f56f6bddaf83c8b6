using System.Data.Common;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Testing;

/// <summary>
/// Respawn's job, which this environment does not serve: delete every row of every table except the
/// migration history, and restart identities, on either provider.
/// </summary>
public static class DatabaseReset
{
    private const string History = "schema_migrations";

    public static async Task ResetAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = provider.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var tables = await QueryAsync(connection, provider.Name == "postgres"
            ? $"SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '{History}'"
            : $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{History}'", cancellationToken);
        if (tables.Count == 0)
        {
            return;
        }

        var sql = provider.Name == "postgres"
            ? $"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE"
            : "PRAGMA foreign_keys = OFF; " + string.Concat(tables.Select(t => $"DELETE FROM \"{t}\"; ")) +
              "DELETE FROM sqlite_sequence; PRAGMA foreign_keys = ON;";
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from the database catalog, not from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> QueryAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant catalog queries.
        command.CommandText = sql;
#pragma warning restore CA2100
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
