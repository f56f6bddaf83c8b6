using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Model;

/// <summary>
/// The hand-written migrations and the EF model must describe the same schema: every mapped table and column
/// exists after migrating, with a compatible type and the same nullability, and every mapped index exists
/// with the same uniqueness, the same partial-index filter and, on PostgreSQL, the same covering columns (queries
/// rely on all three).
/// </summary>
public abstract class SchemaMatchesModelTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Every_mapped_table_and_column_exists_with_a_compatible_type()
    {
        await using var db = database.CreateContext();
        var actual = await ReadColumnsAsync();
        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(store)!;
                if (!actual.TryGetValue((table, column), out var found))
                {
                    problems.Add($"{table}.{column} is mapped but missing");
                    continue;
                }

                var expected = Normalize(property.GetColumnType());
                if (expected != Normalize(found.Type))
                {
                    problems.Add($"{table}.{column}: model says {expected}, database has {found.Type}");
                }

                // A shared owned-type column may be nullable in the table though required in the owned type.
                if (property.IsColumnNullable(store) != found.Nullable && !entity.IsOwned())
                {
                    problems.Add($"{table}.{column}: model nullable={property.IsColumnNullable(store)}, database nullable={found.Nullable}");
                }
            }
        }

        Assert.Empty(problems);
        Assert.True(actual.Count > 100, $"expected the full schema, found {actual.Count} columns");
    }

    [Fact]
    public async Task Every_mapped_index_exists_with_its_uniqueness_and_filter()
    {
        await using var db = database.CreateContext();
        var actual = await ReadIndexesAsync();
        var problems = new List<string>();
        // The design-time model: the runtime one drops annotations only migrations need, such as INCLUDE.
        var model = db.GetService<IDesignTimeModel>().Model;
        foreach (var index in model.GetEntityTypes().SelectMany(e => e.GetIndexes()))
        {
            var name = index.GetDatabaseName()!;
            if (!actual.TryGetValue(name, out var definition))
            {
                problems.Add($"{name} is mapped but missing");
                continue;
            }

            var unique = definition.StartsWith("CREATE UNIQUE INDEX", StringComparison.OrdinalIgnoreCase);
            var filter = definition.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase) is var at and >= 0 ? Plain(definition[(at + 7)..]) : null;
            var expected = index.GetFilter() is { } f ? Plain(f) : null;
            if (unique != index.IsUnique || filter != expected)
            {
                problems.Add($"{name}: model says unique={index.IsUnique} filter={expected ?? "none"}, database has {definition}");
            }

            // Covering columns exist on PostgreSQL and SQL Server (SQLite has no INCLUDE).
            var included = database.ProviderName switch
            {
                "postgres" => NpgsqlIndexExtensions.GetIncludeProperties(index),
                "sqlserver" => SqlServerIndexExtensions.GetIncludeProperties(index),
                _ => null,
            };
            if (included is { Count: > 0 })
            {
                var columns = string.Join(", ", included.Select(p => index.DeclaringEntityType.FindProperty(p)!.GetColumnName()));
                if (!definition.Contains($"INCLUDE ({columns})", StringComparison.Ordinal))
                {
                    problems.Add($"{name}: model includes ({columns}), database has {definition}");
                }
            }
        }

        Assert.Empty(problems);
        Assert.True(actual.Count > 20, $"expected every index, found {actual.Count}");
    }

    private async Task<Dictionary<string, string>> ReadIndexesAsync()
    {
        var sql = database.ProviderName switch
        {
            "postgres" => "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()",

            // SQL Server keeps no index text: it is put together in PostgreSQL's form from the catalog.
            "sqlserver" => """
                SELECT i.name,
                       'CREATE ' + CASE WHEN i.is_unique = 1 THEN 'UNIQUE ' ELSE '' END + 'INDEX ' + i.name
                       + COALESCE(' INCLUDE (' + (SELECT STRING_AGG(c.name, ', ') WITHIN GROUP (ORDER BY ic.index_column_id)
                                                  FROM sys.index_columns ic JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
                                                  WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 1) + ')', '')
                       + COALESCE(' WHERE ' + i.filter_definition, '')
                FROM sys.indexes i JOIN sys.tables t ON t.object_id = i.object_id
                WHERE i.name IS NOT NULL AND i.is_primary_key = 0
                """,
            _ => "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
        };
        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync(sql))
        {
            indexes[row.GetString(0)] = row.GetString(1);
        }

        return indexes;
    }

    /// <summary>A filter without quotes, brackets, parentheses, case or white space, as each database prints it differently.</summary>
    private static string Plain(string filter) =>
        string.Concat(filter.Where(c => c is not ('"' or '[' or ']' or '(' or ')') && !char.IsWhiteSpace(c))).ToUpperInvariant();

    private async Task<Dictionary<(string Table, string Column), (string Type, bool Nullable)>> ReadColumnsAsync()
    {
        var sql = database.ProviderName switch
        {
            "postgres" => """
                SELECT table_name, column_name,
                       CASE WHEN data_type = 'character varying' THEN 'character varying(' || character_maximum_length || ')'
                            WHEN data_type = 'numeric' THEN 'numeric(' || numeric_precision || ',' || numeric_scale || ')'
                            ELSE data_type END,
                       is_nullable = 'YES'
                FROM information_schema.columns WHERE table_schema = current_schema()
                """,
            "sqlserver" => """
                SELECT table_name, column_name,
                       CASE WHEN data_type = 'nvarchar' THEN 'nvarchar(' + CASE WHEN character_maximum_length = -1 THEN 'max' ELSE CAST(character_maximum_length AS varchar(10)) END + ')'
                            WHEN data_type = 'decimal' THEN 'decimal(' + CAST(numeric_precision AS varchar(10)) + ',' + CAST(numeric_scale AS varchar(10)) + ')'
                            ELSE data_type END,
                       CAST(CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS bit)
                FROM information_schema.columns WHERE table_schema = SCHEMA_NAME()
                """,
            _ => """
                SELECT m.name, c.name, c.type, c."notnull" = 0 AND c.pk = 0
                FROM sqlite_master m JOIN pragma_table_info(m.name) c
                WHERE m.type = 'table'
                """,
        };
        var columns = new Dictionary<(string, string), (string, bool)>();
        await foreach (var row in QueryAsync(sql))
        {
            columns[(row.GetString(0), row.GetString(1))] = (row.GetString(2), Convert.ToBoolean(row.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
        }

        return columns;
    }

    private async IAsyncEnumerable<System.Data.Common.DbDataReader> QueryAsync(string sql)
    {
        await using var connection = database.Provider.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return reader;
        }
    }

    private static string Normalize(string type) => type.Trim().ToUpperInvariant() switch
    {
        "TIMESTAMPTZ" => "TIMESTAMP WITH TIME ZONE",
        var other => other.Replace(", ", ",", StringComparison.Ordinal),
    };
}

public sealed class SqliteSchemaMatchesModelTests(SqliteTestDatabase database) : SchemaMatchesModelTests<SqliteTestDatabase>(database);

public sealed class PostgresSchemaMatchesModelTests(PostgresTestDatabase database) : SchemaMatchesModelTests<PostgresTestDatabase>(database);

public sealed class SqlServerSchemaMatchesModelTests(SqlServerTestDatabase database) : SchemaMatchesModelTests<SqlServerTestDatabase>(database);
