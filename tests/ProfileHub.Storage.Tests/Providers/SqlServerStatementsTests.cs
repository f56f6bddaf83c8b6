using System.Text.RegularExpressions;
using ProfileHub.Storage.Migrations;
using ProfileHub.Storage.Providers;
using ProfileHub.Storage.Segments;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Providers;

/// <summary>
/// Every hand-written SQL statement in src has a SQL Server form. The files that write SQL text are enumerated
/// (a new one fails the first test until its SQL Server form is given and it is listed with it), and the
/// statements built through the provider seam are generated for SQL Server and checked for the other
/// databases' syntax. Whether SQL Server accepts them is for the specification tests on a real server.
/// </summary>
public sealed partial class SqlServerStatementsTests
{
    /// <summary>Each file of src that writes SQL text, and where its SQL Server form comes from.</summary>
    private static readonly Dictionary<string, string> SqlServerForms = new(StringComparer.Ordinal)
    {
        ["src/ProfileHub.Server/Api/Journeys/FrictionSignals.cs"] = "shared text; StorageProvider.AddSpan and JsonNumber",
        ["src/ProfileHub.Server/Api/Journeys/JourneyAggregates.cs"] = "shared text (ROW_NUMBER, CASE, counts cast to bigint)",
        ["src/ProfileHub.Server/Api/Journeys/SqlArguments.cs"] = "parameters only",
        ["src/ProfileHub.Server/Segments/AudienceExport.cs"] = "StorageProvider.LargeReadSql (none on SQL Server)",
        ["src/ProfileHub.Storage/Bulk/BulkWriter.cs"] = "SQLite's per-row statements; SqlServerBulkWriter overrides both loads",
        ["src/ProfileHub.Storage/Bulk/PostgresBulkWriter.cs"] = "PostgreSQL only",
        ["src/ProfileHub.Storage/Bulk/PostgresCopy.cs"] = "PostgreSQL only (binary COPY, for PostgresBulkWriter and PostgresProfileRows); a match run's profile rows are EF Core inserts on SQLite and SQL Server",
        ["src/ProfileHub.Storage/Bulk/SqlServerBulkWriter.cs"] = "SQL Server's own (SqlBulkCopy, MERGE)",
        ["src/ProfileHub.Storage/Migrations/Migrator.cs"] = "StorageProvider.HistoryTableSql and Batches; the rest is portable",
        ["src/ProfileHub.Storage/Providers/SqliteProvider.cs"] = "SQLite only",
        ["src/ProfileHub.Storage/Providers/StorageProvider.cs"] = "runs the provider's statements",
        ["src/ProfileHub.Storage/Segments/ProfileTraitFold.cs"] = "StorageProvider.Upsert (MERGE), JsonText, JsonNumber, Least, Greatest",
        ["src/ProfileHub.Storage/Segments/RawParameters.cs"] = "parameters only",
        ["src/ProfileHub.Storage/Segments/SegmentLocks.cs"] = "StorageProvider.TransactionLockSql (sp_getapplock)",
        ["src/ProfileHub.Storage/Segments/SegmentRefresh.cs"] = "EF Core's SQL for the rule, wrapped in INSERT ... SELECT; StorageProvider.AnalyzeSql",
    };

    private static readonly SqlServerProvider Provider = (SqlServerProvider)StorageProvider.Create(new DatabaseOptions
    {
        Provider = "sqlserver",
        ConnectionString = "Server=127.0.0.1,1;Database=profilehub;User Id=profilehub;Password=unused;TrustServerCertificate=True",
    });

    [Fact]
    public void Every_file_in_src_that_writes_sql_text_has_a_known_sql_server_form()
    {
        var root = Repository.Root;
        var writers = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => WritesSql().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(SqlServerForms.Keys.Order(StringComparer.Ordinal), writers);
    }

    [Fact]
    public void The_trait_fold_upserts_with_merge_in_sql_server_syntax()
    {
        var sql = ProfileTraitFold.FoldSql(Provider, "batch AS (SELECT m.profile_id, t.id, t.channel, t.type, t.occurred_at, t.amount, t.metrics, t.properties FROM touchpoints t JOIN profile_memberships m ON m.record_id = t.source_record_id)");
        Assert.Contains("MERGE INTO profile_traits WITH (HOLDLOCK) USING (", sql, StringComparison.Ordinal);
        Assert.Contains("ON profile_traits.profile_id = excluded.profile_id", sql, StringComparison.Ordinal);
        Assert.Contains("JSON_VALUE(b.properties, '$.tier')", sql, StringComparison.Ordinal);
        Assert.Contains("dbo.profilehub_json_number(b.metrics, 'points_balance')", sql, StringComparison.Ordinal);
        Assert.EndsWith(";", sql.TrimEnd(), StringComparison.Ordinal);
        SqlServerSyntax.AssertNoForeignSyntax(sql);
    }

    [Fact]
    public void The_provider_statements_are_sql_server_statements()
    {
        var parameters = new List<object>();
        string Parameter(object value)
        {
            parameters.Add(value);
            return $"@p{parameters.Count - 1}";
        }

        var statements = new[]
        {
            Provider.HistoryTableSql("schema_migrations"),
            Provider.TransactionLockSql(42)!,
            Provider.AnalyzeSql("profile_traits")!,
            Provider.AddSpan("t.occurred_at", -TimeSpan.FromDays(14), Parameter),
            Provider.JsonText("t.properties", "tier"),
            Provider.JsonNumber("t.metrics", "satisfaction_score"),
            Provider.Least("a", "b"),
            Provider.Greatest("a", "b"),
        };
        Assert.All(statements, SqlServerSyntax.AssertNoForeignSyntax);
        Assert.Equal("DATEADD(second, @p0, t.occurred_at)", statements[3]);
        Assert.Equal(-14 * 24 * 3600, parameters[0]);
        Assert.StartsWith("EXEC sp_getapplock", statements[1], StringComparison.Ordinal);
        Assert.Null(Provider.LargeReadSql);
    }

    [Fact]
    public void A_sql_server_script_runs_as_the_batches_between_its_go_lines()
    {
        var scripts = MigrationScript.Embedded("sqlserver").ToDictionary(s => s.Version);
        var initial = Provider.Batches(scripts[1].Sql);
        Assert.Equal(2, initial.Count);
        Assert.StartsWith("CREATE TRIGGER tr_source_records_delete", initial[1].TrimStart(), StringComparison.Ordinal);
        Assert.StartsWith("CREATE FUNCTION dbo.profilehub_json_number", Provider.Batches(scripts[6].Sql)[^1].TrimStart(), StringComparison.Ordinal);
        Assert.Single(Provider.Batches(scripts[13].Sql));
        Assert.All(scripts.Values.SelectMany(s => Provider.Batches(s.Sql)), SqlServerSyntax.AssertNoForeignSyntax);
    }

    [GeneratedRegex(@"ExecuteSqlRaw|SqlQueryRaw|FromSqlRaw|FromSql\(|ExecuteSql\(|SqlQuery<|CommandText\s*=|new NpgsqlCommand|new SqlCommand|BeginBinaryImport|CreateDbCommand|CreateCommand\(")]
    private static partial Regex WritesSql();
}
