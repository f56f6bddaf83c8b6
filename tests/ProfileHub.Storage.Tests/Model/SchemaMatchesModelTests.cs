using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Model;

/// <summary>
/// The hand-written migrations and the EF model must describe the same schema: every mapped table and column
/// exists after migrating, with a compatible type and the same nullability.
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

    private async Task<Dictionary<(string Table, string Column), (string Type, bool Nullable)>> ReadColumnsAsync()
    {
        var sql = database.ProviderName == "postgres"
            ? """
              SELECT table_name, column_name,
                     CASE WHEN data_type = 'character varying' THEN 'character varying(' || character_maximum_length || ')'
                          WHEN data_type = 'numeric' THEN 'numeric(' || numeric_precision || ',' || numeric_scale || ')'
                          ELSE data_type END,
                     is_nullable = 'YES'
              FROM information_schema.columns WHERE table_schema = current_schema()
              """
            : """
              SELECT m.name, c.name, c.type, c."notnull" = 0 AND c.pk = 0
              FROM sqlite_master m JOIN pragma_table_info(m.name) c
              WHERE m.type = 'table'
              """;
        await using var connection = database.Provider.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new Dictionary<(string, string), (string, bool)>();
        while (await reader.ReadAsync())
        {
            columns[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), Convert.ToBoolean(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
        }

        return columns;
    }

    private static string Normalize(string type) => type.Trim().ToUpperInvariant() switch
    {
        "TIMESTAMPTZ" => "TIMESTAMP WITH TIME ZONE",
        var other => other.Replace(", ", ",", StringComparison.Ordinal),
    };
}

public sealed class SqliteSchemaMatchesModelTests(SqliteTestDatabase database) : SchemaMatchesModelTests<SqliteTestDatabase>(database);

public sealed class PostgresSchemaMatchesModelTests(PostgresTestDatabase database) : SchemaMatchesModelTests<PostgresTestDatabase>(database);
