using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Sources;
using ProfileHub.Storage.Model;
using ProfileHub.Storage.Segments;
using Quartz;

namespace ProfileHub.Storage.Providers;

/// <summary>
/// SQL Server 2022 (and Azure SQL), through Microsoft.Data.SqlClient: JSON documents in nvarchar(max) read with
/// JSON_VALUE / OPENJSON, text compared case-sensitively as on the other providers, application locks
/// (sp_getapplock) for the migration, trait-fold and segment locks, MERGE for upserts, SqlBulkCopy for bulk loads.
/// </summary>
internal sealed partial class SqlServerProvider : StorageProvider
{
    /// <summary>
    /// The collation of every ProfileHub text column (the migrations write it out): case- and accent-sensitive,
    /// so a unique source key or an identifier lookup means what it means on PostgreSQL and SQLite, whatever
    /// the server's default (usually case-insensitive) collation. Case-insensitive search lower-cases both sides.
    /// </summary>
    public const string TextCollation = "Latin1_General_100_CS_AS_SC";

    /// <summary>The trigger of migration 0001 that deletes review items and constraints naming a deleted record as record_b.</summary>
    public const string SourceRecordDeleteTrigger = "tr_source_records_delete";

    // SQL Server's error numbers (sys.messages).
    private const int LoginFailed = 18456;
    private const int CannotOpenDatabase = 4060;

    private readonly SqlConnectionStringBuilder _settings;

    public SqlServerProvider(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw DatabaseSetupException.ConnectionString(
                "required when the provider is sqlserver (e.g. Server=localhost;Database=profilehub;User Id=profilehub;Password=...;TrustServerCertificate=True)");
        }

        try
        {
            _settings = new SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw DatabaseSetupException.ConnectionString($"not a valid SQL Server connection string ({e.Message})", e);
        }
    }

    public override string Name => "sqlserver";

    public override string Describe() => $"sqlserver database {_settings.InitialCatalog} on {_settings.DataSource}";

    protected override void UseDatabase(DbContextOptionsBuilder builder) => builder.UseSqlServer(_settings.ConnectionString);

    public override DbConnection CreateConnection() => new SqlConnection(_settings.ConnectionString);

    public override string ConnectionString => _settings.ConnectionString;

    public override void UseQuartzStore(IPersistentStoreBuilder store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.UseSqlServer(ConnectionString);
        store.UseClustering();
    }

    public override async Task VerifyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqlConnection(_settings.ConnectionString);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(5, _settings.ConnectTimeout)));
            await connection.OpenAsync(timeout.Token);
        }
        catch (SqlException e)
        {
            throw DatabaseSetupException.ConnectionString(e.Number switch
            {
                LoginFailed => $"SQL Server at {_settings.DataSource} refused the credentials of user '{_settings.UserID}'",
                CannotOpenDatabase => $"database '{_settings.InitialCatalog}' does not exist on {_settings.DataSource} or the user may not open it; create it first",
                _ => $"cannot reach SQL Server at {_settings.DataSource} ({e.Message.TrimEnd('.')})",
            }, e);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            throw DatabaseSetupException.ConnectionString($"cannot reach SQL Server at {_settings.DataSource} ({e.Message.TrimEnd('.')})", e);
        }
    }

    internal override void ConfigureModel(ModelBuilder builder)
    {
        // Scalar functions are called schema-qualified on SQL Server (migration 0006 creates dbo.profilehub_json_number).
        builder.HasDbFunction(typeof(SqlJson).GetMethod(nameof(SqlJson.Number))!).HasName("profilehub_json_number").HasSchema("dbo");
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.FindAnnotation(JsonColumn.Annotation) is not null)
                {
                    property.SetColumnType("nvarchar(max)");
                }
                else if ((property.GetProviderClrType() ?? property.GetValueConverter()?.ProviderClrType ?? property.ClrType) == typeof(string))
                {
                    property.SetCollation(TextCollation);
                }
            }

            // A bit column is no predicate on SQL Server: the partial index says what it means.
            foreach (var index in entity.GetIndexes().Where(i => i.GetFilter() is { } filter && BareColumn().IsMatch(filter)))
            {
                index.SetFilter($"{index.GetFilter()} = 1");
            }
        }

        // EF writes DELETE ... OUTPUT, which SQL Server refuses on a table with a trigger unless told.
        builder.Entity<SourceRecord>().ToTable(t => t.HasTrigger(SourceRecordDeleteTrigger));
    }

    internal override string? TransactionLockSql(long key) => AppLockSql($"profilehub-{key}");

    internal override string? AnalyzeSql(string table) => $"UPDATE STATISTICS {table}";

    internal override string JsonText(string column, string key) => $"JSON_VALUE({column}, '$.{key}')";

    internal override string JsonNumber(string column, string key) => $"dbo.profilehub_json_number({column}, '{key}')";

    // SQL Server 2022's LEAST and GREATEST ignore a null argument, as PostgreSQL's do.
    internal override string Least(string a, string b) => $"LEAST({a}, {b})";

    internal override string Greatest(string a, string b) => $"GREATEST({a}, {b})";

    internal override string AddSpan(string timestamp, TimeSpan span, Func<object, string> parameter) =>
        $"DATEADD(second, {parameter(checked((int)span.TotalSeconds))}, {timestamp})";

    internal override string Upsert(string table, string key, IReadOnlyList<string> columns, string select, IReadOnlyList<(string Column, string Value)> updates) =>
        $"MERGE INTO {table} WITH (HOLDLOCK) USING ({select}) AS excluded ON {table}.{key} = excluded.{key} " +
        $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", updates.Select(u => $"{u.Column} = {u.Value}"))} " +
        $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => $"excluded.{c}"))});";

    internal override string HistoryTableSql(string table) =>
        $"IF OBJECT_ID(N'{table}', N'U') IS NULL CREATE TABLE {table} (version int NOT NULL PRIMARY KEY, name nvarchar(200) NOT NULL, checksum nvarchar(64) NOT NULL, applied_at nvarchar(40) NOT NULL)";

    /// <summary>A script's batches: CREATE FUNCTION and CREATE TRIGGER must start one, and a column added by ALTER TABLE is visible only to later batches.</summary>
    internal override IReadOnlyList<string> Batches(string script) =>
        [.. BatchSeparator().Split(script).Where(batch => !string.IsNullOrWhiteSpace(batch))];

    internal override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, AppLockSql("profilehub-migrations"), cancellationToken);

    /// <summary>An exclusive application lock held until the transaction ends, waiting as long as it takes (as pg_advisory_xact_lock does).</summary>
    private static string AppLockSql(string resource) =>
        $"EXEC sp_getapplock @Resource = N'{resource}', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1";

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();

    [GeneratedRegex(@"^\w+$")]
    private static partial Regex BareColumn();
}
