using System.Data.Common;
using Respawn;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Testing;

/// <summary>
/// Empties every table but the migration history and restarts identities, on every provider, with Respawn
/// (its PostgreSQL adapter truncates with CASCADE, its SQL Server one deletes and reseeds, its SQLite one deletes
/// and clears sqlite_sequence).
/// ProfileHub seeds no rows in migrations, so the history is the only table kept.
/// </summary>
public static class DatabaseReset
{
    private static readonly RespawnerOptions Postgres = Options(DbAdapter.Postgres);
    private static readonly RespawnerOptions Sqlite = Options(DbAdapter.Sqlite);
    private static readonly RespawnerOptions SqlServer = Options(DbAdapter.SqlServer);

    public static async Task ResetAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = provider.CreateConnection();
        await connection.OpenAsync(cancellationToken);

        // A new Respawner per reset: it reads the tables and their foreign keys when created, and some tests
        // migrate their database further between resets.
        var sqlite = provider.Name == "sqlite";
        var respawner = await Respawner.CreateAsync(connection, provider.Name switch
        {
            "postgres" => Postgres,
            "sqlserver" => SqlServer,
            _ => Sqlite,
        });
        if (!sqlite)
        {
            await respawner.ResetAsync(connection);
            return;
        }

        // What Respawn's SQLite adapter leaves out: it turns foreign keys off inside its own transaction, where
        // SQLite ignores the pragma, so its deletes fail on the tables that reference themselves or each other
        // (profiles merged into profiles). Off on the connection, before Respawn's transaction, it holds.
        await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF", cancellationToken);
        try
        {
            await respawner.ResetAsync(connection);
        }
        finally
        {
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON", cancellationToken);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant pragmas.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static RespawnerOptions Options(IDbAdapter adapter) => new()
    {
        DbAdapter = adapter,
        TablesToIgnore = ["schema_migrations"],
        WithReseed = true,
    };
}
