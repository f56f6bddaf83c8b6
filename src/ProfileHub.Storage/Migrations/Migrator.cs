using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Storage.Migrations;

/// <summary>
/// Applies the versioned SQL scripts in order, recording each in `schema_migrations` with its checksum.
/// Every script runs in its own transaction together with its history row, so a failing script leaves the
/// database exactly as it was. An applied script that was edited since, or a history from a newer
/// ProfileHub, stops the run before anything changes.
/// </summary>
public sealed partial class Migrator(StorageProvider provider, TimeProvider clock, ILogger<Migrator> logger, IReadOnlyList<MigrationScript>? scripts = null)
{
    private const string HistoryTable = "schema_migrations";

    private readonly IReadOnlyList<MigrationScript> _scripts = scripts ?? MigrationScript.Embedded(provider.Name);

    public IReadOnlyList<MigrationScript> Scripts => _scripts;

    /// <summary>Brings the schema up to date; returns the scripts it applied.</summary>
    public async Task<IReadOnlyList<MigrationScript>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = provider.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await StorageProvider.ExecuteAsync(connection, null, provider.HistoryTableSql(HistoryTable), cancellationToken);
        var pending = Check(await ReadHistoryAsync(connection, null, cancellationToken));
        await provider.PrepareAsync(connection, cancellationToken);

        var applied = new List<MigrationScript>();
        foreach (var script in pending)
        {
            if (await ApplyAsync(connection, script, cancellationToken))
            {
                applied.Add(script);
            }
        }

        return applied;
    }

    /// <summary>The scripts not yet applied (readiness); throws when the history is inconsistent with this build.</summary>
    public async Task<IReadOnlyList<MigrationScript>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = provider.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var history = await HistoryExistsAsync(connection, cancellationToken)
            ? await ReadHistoryAsync(connection, null, cancellationToken)
            : [];
        return Check(history);
    }

    private List<MigrationScript> Check(IReadOnlyList<AppliedMigration> history)
    {
        var latestKnown = _scripts.Count == 0 ? 0 : _scripts[^1].Version;
        var ahead = history.Where(h => h.Version > latestKnown).ToList();
        if (ahead.Count > 0)
        {
            throw new MigrationException(
                $"The database was migrated by a newer ProfileHub: it has migration {ahead[0].Name} that this version does not know " +
                $"(this version knows up to {latestKnown:D4}). Run a newer ProfileHub, or restore a backup taken before the upgrade.");
        }

        var applied = new HashSet<int>();
        foreach (var entry in history)
        {
            var script = _scripts.FirstOrDefault(s => s.Version == entry.Version)
                ?? throw new MigrationException($"The database records migration {entry.Name}, which this version of ProfileHub does not have.");
            if (!string.Equals(script.Checksum, entry.Checksum, StringComparison.Ordinal))
            {
                throw new MigrationException(
                    $"Migration {provider.Name}/{script.FileName} was changed after it was applied (checksum {script.Checksum[..12]}, applied as {entry.Checksum[..Math.Min(12, entry.Checksum.Length)]}). " +
                    "Restore the original script and put the change in a new migration.");
            }

            applied.Add(entry.Version);
        }

        return _scripts.Where(s => !applied.Contains(s.Version)).ToList();
    }

    private async Task<bool> ApplyAsync(DbConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await provider.LockForMigrationAsync(connection, transaction, cancellationToken);

        // Another instance may have applied it while we waited for the lock.
        if ((await ReadHistoryAsync(connection, transaction, cancellationToken)).Any(h => h.Version == script.Version))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        try
        {
            foreach (var batch in provider.Batches(script.Sql))
            {
                await StorageProvider.ExecuteAsync(connection, transaction, batch, cancellationToken);
            }

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = $"INSERT INTO {HistoryTable} (version, name, checksum, applied_at) VALUES ({script.Version}, @name, @checksum, @appliedAt)";
            AddParameter(record, "@name", script.FileName);
            AddParameter(record, "@checksum", script.Checksum);
            AddParameter(record, "@appliedAt", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new MigrationException($"Migration {provider.Name}/{script.FileName} failed and was rolled back: {e.Message}", e);
        }

        LogApplied(logger, provider.Name, script.FileName);
        return true;
    }

    private static async Task<bool> HistoryExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {HistoryTable}";
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT version, name, checksum FROM {HistoryTable} ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var history = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new AppliedMigration(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2)));
        }

        return history;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Provider}/{Script}")]
    private static partial void LogApplied(ILogger logger, string provider, string script);

    private sealed record AppliedMigration(int Version, string Name, string Checksum);
}
