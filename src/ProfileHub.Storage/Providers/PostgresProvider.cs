using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProfileHub.Storage.Model;
using ProfileHub.Storage.Segments;
using Quartz;

namespace ProfileHub.Storage.Providers;

/// <summary>The server database, through Npgsql: jsonb documents, binary COPY for bulk loads.</summary>
internal sealed class PostgresProvider : StorageProvider, IAsyncDisposable
{
    // Any constant works: it only has to be the same for every ProfileHub migrating this database.
    private const long MigrationLockKey = 0x50726f66696c65;

    private const int DefaultMaxAutoPrepare = 128;

    private readonly NpgsqlConnectionStringBuilder _settings;

    public PostgresProvider(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw DatabaseSetupException.ConnectionString("required when the provider is postgres (e.g. Host=localhost;Database=profilehub;Username=profilehub;Password=...)");
        }

        try
        {
            _settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw DatabaseSetupException.ConnectionString($"not a valid PostgreSQL connection string ({e.Message})", e);
        }

        // The API asks the same few statements thousands of times a second: prepared once per connection,
        // PostgreSQL skips parsing and planning them (most of a point lookup's cost; 4x the lookups per second).
        // And every API fetch borrows a pooled connection: Npgsql's reset on return (RESET ALL, DISCARD TEMP, ...)
        // cost a fifth of the lookups. ProfileHub leaves no session state behind (its locks and settings are
        // transaction-scoped, its staging tables empty on commit), so it is skipped. A connection string that
        // sets either itself is left as written.
        if (!Sets(connectionString, nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
        {
            _settings.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!Sets(connectionString, nameof(NpgsqlConnectionStringBuilder.NoResetOnClose)))
        {
            _settings.NoResetOnClose = true;
        }

        DataSource = new NpgsqlDataSourceBuilder(_settings.ConnectionString).Build();
    }

    public override string Name => "postgres";

    /// <summary>
    /// Whether the connection string's own text sets <paramref name="property"/> (spaces and case aside:
    /// "Max Auto Prepare", "maxautoprepare"). NpgsqlConnectionStringBuilder.ContainsKey cannot tell: it is
    /// true for every keyword it knows, set or not.
    /// </summary>
    private static bool Sets(string connectionString, string property) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), property, StringComparison.OrdinalIgnoreCase));

    /// <summary>Shared by EF Core and the bulk writers (binary COPY).</summary>
    public NpgsqlDataSource DataSource { get; }

    public override string Describe() => $"postgres database {_settings.Database} on {_settings.Host}:{_settings.Port}";

    protected override void UseDatabase(DbContextOptionsBuilder builder) => builder.UseNpgsql(DataSource);

    public override DbConnection CreateConnection() => DataSource.CreateConnection();

    public override string ConnectionString => _settings.ConnectionString;

    public override void UseQuartzStore(IPersistentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.UsePostgres(ConnectionString);
        store.UseClustering();
    }

    public override async Task VerifyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = DataSource.CreateConnection();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(5, _settings.Timeout)));
            await connection.OpenAsync(timeout.Token);
        }
        catch (PostgresException e)
        {
            throw DatabaseSetupException.ConnectionString(e.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                    $"PostgreSQL at {Endpoint} refused the credentials of user '{_settings.Username}'",
                PostgresErrorCodes.InvalidCatalogName =>
                    $"database '{_settings.Database}' does not exist on {Endpoint}; create it first",
                _ => $"PostgreSQL at {Endpoint} refused the connection ({e.MessageText})",
            }, e);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw DatabaseSetupException.ConnectionString($"cannot reach PostgreSQL at {Endpoint} ({Innermost(e).Message.TrimEnd('.')})", e);
        }
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    internal override string? TransactionLockSql(long key) => $"SELECT pg_advisory_xact_lock({key})";

    // PostgreSQL's default work_mem (4 MB) spills the export's hash joins and sort to disk in batches.
    internal override string? LargeReadSql => "SET LOCAL work_mem = '64MB'";

    internal override string? AnalyzeSql(string table) => $"ANALYZE {table}";

    internal override string JsonText(string column, string key) => $"({column} ->> '{key}')";

    internal override string JsonNumber(string column, string key) => $"profilehub_json_number({column}, '{key}')";

    internal override string Least(string a, string b) => $"LEAST({a}, {b})";

    internal override string Greatest(string a, string b) => $"GREATEST({a}, {b})";

    internal override void ConfigureModel(ModelBuilder builder)
    {
        builder.HasDbFunction(typeof(SqlJson).GetMethod(nameof(SqlJson.Number))!).HasName("profilehub_json_number").IsBuiltIn();
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.FindAnnotation(JsonColumn.Annotation) is not null)
            {
                property.SetColumnType("jsonb");
            }
        }
    }

    internal override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);

    private string Endpoint => $"{_settings.Host}:{_settings.Port}";

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
