using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Quartz;

namespace ProfileHub.Storage.Providers;

/// <summary>
/// What differs between the databases, as small overrides of shared code (in the manner of Quartz's ADO
/// delegates): connecting, column types, the migration lock, and start-up checks. Everything else is shared.
/// </summary>
public abstract class StorageProvider
{
    /// <summary>`sqlite`, `postgres` or `sqlserver`: also the folder name of the provider's scripts under db/migrations.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Whether the database is a file of this installation (SQLite) rather than a server an operator runs: only
    /// then does the first start create a development key, since a server database gets its keys from an operator.
    /// </summary>
    public virtual bool IsEmbedded => false;

    /// <summary>Where the data lives, for the start-up log ("sqlite file /srv/data/profilehub.db").</summary>
    public abstract string Describe();

    /// <summary>Points a context at this database, and carries this provider for <see cref="ProfileHubDbContext"/>.</summary>
    public void ConfigureDbContext(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        UseDatabase(builder);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new StorageProviderExtension(this));
    }

    /// <summary>The EF database provider for this database (UseNpgsql, UseSqlite, UseSqlServer).</summary>
    protected abstract void UseDatabase(DbContextOptionsBuilder builder);

    public abstract DbConnection CreateConnection();

    /// <summary>
    /// The normalized connection string (a SQLite file path made absolute), for ADO.NET consumers that open
    /// their own connections to the same database: Quartz's job store.
    /// </summary>
    public abstract string ConnectionString { get; }

    /// <summary>
    /// Points Quartz's ADO job store at this database (its qrtz_* tables are ProfileHub's, migration 0007). A
    /// server database also makes the schedulers of every `serve` pointed at it one Quartz cluster: a trigger
    /// fires on one node only, and a job marked [DisallowConcurrentExecution] never runs on two at once.
    /// </summary>
    public abstract void UseQuartzStore(IPersistentStoreBuilder store);

    /// <summary>Checks the database can be reached and used; throws <see cref="DatabaseSetupException"/> otherwise.</summary>
    public abstract Task VerifyAsync(CancellationToken cancellationToken);

    public static StorageProvider Create(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider.Trim().ToLowerInvariant() switch
        {
            "sqlite" => new SqliteProvider(options.ConnectionString),
            "postgres" or "postgresql" => new PostgresProvider(options.ConnectionString),
            "sqlserver" or "mssql" => new SqlServerProvider(options.ConnectionString),
            _ => throw new DatabaseSetupException(
                $"{DatabaseOptions.Section}:Provider",
                $"unknown provider '{options.Provider}' (expected 'sqlite', 'postgres' or 'sqlserver')"),
        };
    }

    internal virtual void ConfigureConventions(ModelConfigurationBuilder builder)
    {
    }

    internal virtual void ConfigureModel(ModelBuilder builder)
    {
    }

    /// <summary>
    /// SQL that holds <paramref name="key"/> until the current transaction ends, so two folds or two refreshes
    /// of one segment cannot interleave; null where a write transaction already excludes others (SQLite).
    /// </summary>
    internal virtual string? TransactionLockSql(long key) => null;

    /// <summary>
    /// SQL run at the start of a transaction that reads a whole large set at once (an audience export joins
    /// and sorts a million members): more memory for its hash joins and sort than the server's default gives
    /// a query, for that transaction only; null where there is nothing to set.
    /// </summary>
    internal virtual string? LargeReadSql => null;

    /// <summary>
    /// SQL refreshing the planner's statistics of <paramref name="table"/> after a bulk change, so the next
    /// query plans for the rows that are there now rather than waiting for autovacuum; null where the
    /// planner needs none (SQLite).
    /// </summary>
    internal virtual string? AnalyzeSql(string table) => null;

    /// <summary>SQL reading the text under <paramref name="key"/> (a constant) of a JSON column.</summary>
    internal abstract string JsonText(string column, string key);

    /// <summary>SQL reading the number under <paramref name="key"/> (a constant) of a JSON column, as double precision.</summary>
    internal abstract string JsonNumber(string column, string key);

    /// <summary>The smaller of two nullable values, ignoring a null (LEAST on PostgreSQL).</summary>
    internal abstract string Least(string a, string b);

    /// <summary>The larger of two nullable values, ignoring a null.</summary>
    internal abstract string Greatest(string a, string b);

    /// <summary>
    /// SQL for <paramref name="timestamp"/> moved by <paramref name="span"/> (negative: back), the span passed as
    /// a parameter through <paramref name="parameter"/>: an interval on PostgreSQL, UTC ticks on SQLite (where
    /// timestamps are ticks), seconds in DATEADD on SQL Server.
    /// </summary>
    internal virtual string AddSpan(string timestamp, TimeSpan span, Func<object, string> parameter) =>
        $"{timestamp} + {parameter(span)}";

    /// <summary>
    /// Inserts the rows of <paramref name="select"/> (whose columns are named as <paramref name="columns"/>, and
    /// which has no WHERE clause of its own) into <paramref name="table"/>, updating the row with the same
    /// <paramref name="key"/> instead where one exists; update values read the stored row as
    /// <c>{table}.column</c> and the new one as <c>excluded.column</c>. INSERT ... ON CONFLICT on PostgreSQL
    /// and SQLite (the WHERE true keeps SQLite from reading ON CONFLICT as a join constraint).
    /// </summary>
    internal virtual string Upsert(string table, string key, IReadOnlyList<string> columns, string select, IReadOnlyList<(string Column, string Value)> updates) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) {select} WHERE true " +
        $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", updates.Select(u => $"{u.Column} = {u.Value}"))}";

    /// <summary>Creates the migrator's history table unless it exists.</summary>
    internal virtual string HistoryTableSql(string table) =>
        $"CREATE TABLE IF NOT EXISTS {table} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <summary>A migration script as the statements batches the database runs one after another (the whole script, except on SQL Server).</summary>
    internal virtual IReadOnlyList<string> Batches(string script) => [script];

    /// <summary>Serializes concurrent migrators inside <paramref name="transaction"/>.</summary>
    internal abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>One-time settings applied once the schema is known to be ours (SQLite's WAL mode).</summary>
    internal virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    internal static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is ProfileHub's own migration scripts and constants, never user input.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
