using System.Data.Common;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Testing;

/// <summary>
/// Respawn's job, which this environment does not serve: delete every row of every table except the
/// migration history, and restart identities, on each provider.
/// </summary>
public static class DatabaseReset
{
    private const string History = "schema_migrations";

    public static async Task ResetAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = provider.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var tables = await QueryAsync(connection, provider.Name switch
        {
            "postgres" => $"SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '{History}'",
            "sqlserver" => $"SELECT name FROM sys.tables WHERE name <> '{History}'",
            _ => $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{History}'",
        }, cancellationToken);
        if (tables.Count == 0)
        {
            return;
        }

        var sql = provider.Name switch
        {
            "postgres" => $"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE",

            // Constraints off while every table empties in any order; an identity restarts at 1 (RESEED 0 only
            // where a value was ever generated: on a fresh table it would make the next value 0).
            "sqlserver" => string.Concat(tables.Select(t => $"ALTER TABLE [{t}] NOCHECK CONSTRAINT ALL; ")) +
                           string.Concat(tables.Select(t => $"DELETE FROM [{t}]; ")) +
                           string.Concat(tables.Select(t => $"ALTER TABLE [{t}] WITH CHECK CHECK CONSTRAINT ALL; ")) +
                           string.Concat(tables.Select(t =>
                               $"IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N'{t}') AND last_value IS NOT NULL) DBCC CHECKIDENT (N'{t}', RESEED, 0); ")),
            _ => "PRAGMA foreign_keys = OFF; " + string.Concat(tables.Select(t => $"DELETE FROM \"{t}\"; ")) +
                 "DELETE FROM sqlite_sequence; PRAGMA foreign_keys = ON;",
        };
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
