using Respawn;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Testing;

/// <summary>
/// Empties every table but the migration history and restarts identities, on either provider, with Respawn
/// (its PostgreSQL adapter truncates with CASCADE, its SQLite one deletes with foreign keys off and clears
/// sqlite_sequence). ProfileHub seeds no rows in migrations, so the history is the only table kept.
/// </summary>
public static class DatabaseReset
{
    private static readonly RespawnerOptions Postgres = Options(DbAdapter.Postgres);
    private static readonly RespawnerOptions Sqlite = Options(DbAdapter.Sqlite);

    public static async Task ResetAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = provider.CreateConnection();
        await connection.OpenAsync(cancellationToken);

        // A new Respawner per reset: it reads the tables and their foreign keys when created, and some tests
        // migrate their database further between resets.
        var respawner = await Respawner.CreateAsync(connection, provider.Name == "postgres" ? Postgres : Sqlite);
        await respawner.ResetAsync(connection);
    }

    private static RespawnerOptions Options(IDbAdapter adapter) => new()
    {
        DbAdapter = adapter,
        TablesToIgnore = ["schema_migrations"],
        WithReseed = true,
    };
}
