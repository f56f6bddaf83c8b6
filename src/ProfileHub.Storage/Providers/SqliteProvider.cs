using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using ProfileHub.Storage.Segments;
using Quartz;

namespace ProfileHub.Storage.Providers;

/// <summary>The embedded default: one SQLite file under ./data/, in WAL mode so readers never block the writer.</summary>
internal sealed class SqliteProvider : StorageProvider
{
    private const string DefaultConnectionString = "Data Source=data/profilehub.db";

    // SQLite result codes (https://www.sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteCorrupt = 11;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    private readonly string _connectionString;

    public SqliteProvider(string? connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString);
        }
        catch (ArgumentException e)
        {
            throw DatabaseSetupException.ConnectionString($"not a valid SQLite connection string ({e.Message})", e);
        }

        if (!IsInMemory(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
        }

        FilePath = builder.DataSource;
        _connectionString = builder.ToString();
    }

    public override string Name => "sqlite";

    public override bool IsEmbedded => true;

    public string FilePath { get; }

    public override string Describe() => $"sqlite file {FilePath}";

    protected override void UseDatabase(DbContextOptionsBuilder builder) => builder.UseSqlite(_connectionString);

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    public override string ConnectionString => _connectionString;

    /// <summary>One process per SQLite file: no cluster (SQLite has no row locks to share one with).</summary>
    public override void UseQuartzStore(IPersistentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.UseSqlite(ConnectionString);
    }

    public override async Task VerifyAsync(CancellationToken cancellationToken)
    {
        if (!IsInMemory(FilePath))
        {
            EnsureWritableDirectory(Path.GetDirectoryName(FilePath)!);
        }

        // A short busy timeout: a file locked by another process should fail start-up in seconds, not hang.
        var probe = new SqliteConnectionStringBuilder(_connectionString) { DefaultTimeout = 5 };
        try
        {
            await using var connection = new SqliteConnection(probe.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            throw DatabaseSetupException.ConnectionString(Explain(e), e);
        }
    }

    internal override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no timestamp type and EF cannot compare or sort DateTimeOffset stored as text there;
        // UTC ticks in an INTEGER column sort and compare correctly.
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    internal override void ConfigureModel(ModelBuilder builder)
    {
        // SqlJson.Number(doc, "key") → json_extract(doc, '$.key'): the key is always a constant in ProfileHub's rules.
        builder.HasDbFunction(typeof(SqlJson).GetMethod(nameof(SqlJson.Number))!).HasTranslation(arguments =>
        {
            var key = arguments[1] is SqlConstantExpression { Value: string name }
                ? name
                : throw new InvalidOperationException("SqlJson.Number needs a constant key.");
            return new SqlFunctionExpression(
                "json_extract",
                [arguments[0], new SqlConstantExpression("$." + key, typeof(string), arguments[1].TypeMapping)],
                nullable: true,
                argumentsPropagateNullability: [true, false],
                typeof(double),
                null);
        });
    }

    internal override string JsonText(string column, string key) => $"json_extract({column}, '$.{key}')";

    internal override string JsonNumber(string column, string key) => $"CAST(json_extract({column}, '$.{key}') AS REAL)";

    internal override string AddSpan(string timestamp, TimeSpan span, Func<object, string> parameter) =>
        $"{timestamp} + {parameter(span.Ticks)}";

    // SQLite's two-argument min/max are NULL when either side is.
    internal override string Least(string a, string b) => $"COALESCE(min({a}, {b}), {a}, {b})";

    internal override string Greatest(string a, string b) => $"COALESCE(max({a}, {b}), {a}, {b})";

    internal override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is already held.

    internal override Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);

    private static bool IsInMemory(string dataSource) =>
        dataSource.Length == 0 || dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase);

    private static void EnsureWritableDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".profilehub-write-check-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DatabaseSetupException.ConnectionString(
                $"the data directory {directory} cannot be created or written ({e.Message}); choose a writable location", e);
        }
    }

    private string Explain(SqliteException e) => e.SqliteErrorCode switch
    {
        SqliteNotADatabase or SqliteCorrupt =>
            $"{FilePath} is not a SQLite database or is corrupt ({e.Message.TrimEnd('.')}); restore a backup or point to another file",
        SqliteBusy or SqliteLocked =>
            $"{FilePath} is locked by another process; stop the other ProfileHub or tool using it",
        SqliteReadOnly => $"{FilePath} is read-only; ProfileHub needs to write to it",
        SqliteCantOpen => $"cannot open {FilePath} ({e.Message.TrimEnd('.')})",
        _ => $"cannot use {FilePath} ({e.Message.TrimEnd('.')})",
    };
}
