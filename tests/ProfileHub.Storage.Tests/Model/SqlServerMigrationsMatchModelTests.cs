using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using ProfileHub.Storage.Providers;
using ProfileHub.Storage.Tests.Support;

namespace ProfileHub.Storage.Tests.Model;

/// <summary>
/// What can be checked of the SQL Server provider without a SQL Server: the EF model builds for it, and its
/// migration scripts (read as DDL, <see cref="MigrationSchema"/>) create exactly the model's tables, columns,
/// types, nullability, collations and indexes. <see cref="SchemaMatchesModelTests{TDatabase}"/> checks the same
/// against a migrated database wherever PROFILEHUB_TEST_SQLSERVER names a server.
/// </summary>
public sealed class SqlServerMigrationsMatchModelTests
{
    // Never opened: building the model and scripting it need no connection.
    private const string Unreachable = "Server=127.0.0.1,1;Database=profilehub;User Id=profilehub;Password=unused;TrustServerCertificate=True";

    private static readonly MigrationSchema Scripted = MigrationSchema.Of("sqlserver");

    private static readonly string[] Providers = ["sqlite", "postgres", "sqlserver"];

    [Fact]
    public void The_model_builds_for_sql_server_and_scripts_every_table()
    {
        using var db = Context();
        var script = db.Database.GenerateCreateScript();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList();
        Assert.True(tables.Count > 20, $"expected the full model, found {tables.Count} tables");
        Assert.All(tables, table => Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal));
        Assert.Contains("WHERE needs_matching = 1", script, StringComparison.Ordinal);
        Assert.Contains($"COLLATE {SqlServerProvider.TextCollation}", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_migrations_create_every_mapped_column_with_the_model_type_nullability_and_collation()
    {
        using var db = Context();
        var problems = new List<string>();
        var mapped = new HashSet<(string, string)>();

        // The design-time model: the runtime one drops collations, which only migrations need.
        foreach (var entity in db.GetService<IDesignTimeModel>().Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(store)!;
                mapped.Add((table, column));
                if (!Scripted.Columns.TryGetValue((table, column), out var found))
                {
                    problems.Add($"{table}.{column} is mapped but no migration creates it");
                    continue;
                }

                if (!string.Equals(property.GetColumnType(), found.Type, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{table}.{column}: model says {property.GetColumnType()}, migrations say {found.Type}");
                }

                if (property.IsColumnNullable(store) != found.Nullable && !entity.IsOwned())
                {
                    problems.Add($"{table}.{column}: model nullable={property.IsColumnNullable(store)}, migrations nullable={found.Nullable}");
                }

                if (property.GetCollation() != found.Collation)
                {
                    problems.Add($"{table}.{column}: model collation {property.GetCollation() ?? "none"}, migrations {found.Collation ?? "none"}");
                }
            }
        }

        // Quartz's tables are its own, not the model's.
        problems.AddRange(Scripted.Columns.Keys
            .Where(key => !mapped.Contains(key) && !key.Table.StartsWith("qrtz_", StringComparison.Ordinal))
            .Select(key => $"{key.Table}.{key.Column} is created by a migration but not mapped"));
        Assert.Empty(problems);
    }

    [Fact]
    public void The_migrations_create_every_mapped_index_with_its_columns_uniqueness_filter_and_covering_columns()
    {
        using var db = Context();
        var model = db.GetService<IDesignTimeModel>().Model;
        var problems = new List<string>();
        foreach (var index in model.GetEntityTypes().SelectMany(e => e.GetIndexes()))
        {
            var name = index.GetDatabaseName()!;
            if (!Scripted.Indexes.TryGetValue(name, out var found))
            {
                problems.Add($"{name} is mapped but no migration creates it");
                continue;
            }

            var columns = MigrationSchema.Plain(string.Join(",", index.Properties.Select(p => p.GetColumnName())));
            var include = SqlServerIndexExtensions.GetIncludeProperties(index) is { Count: > 0 } included
                ? MigrationSchema.Plain(string.Join(",", included.Select(p => index.DeclaringEntityType.FindProperty(p)!.GetColumnName())))
                : null;
            var filter = index.GetFilter() is { } f ? MigrationSchema.Plain(f) : null;
            if (found.Columns != columns || found.Unique != index.IsUnique || found.Include != include || found.Filter != filter)
            {
                problems.Add($"{name}: model ({columns}) unique={index.IsUnique} include={include ?? "none"} filter={filter ?? "none"}, " +
                             $"migrations ({found.Columns}) unique={found.Unique} include={found.Include ?? "none"} filter={found.Filter ?? "none"}");
            }
        }

        Assert.Empty(problems);
        Assert.True(Scripted.Indexes.Count > 20, $"expected every index, found {Scripted.Indexes.Count}");
    }

    [Fact]
    public void The_sql_server_migrations_create_the_same_tables_and_columns_as_the_postgres_ones()
    {
        var postgres = MigrationSchema.Of("postgres");
        Assert.Equal(postgres.Columns.Keys.Order().ToList(), Scripted.Columns.Keys.Order().ToList());
        Assert.Equal(postgres.Indexes.Keys.Order(StringComparer.Ordinal).ToList(), Scripted.Indexes.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(
            postgres.Columns.Select(c => (c.Key, c.Value.Nullable)).Order().ToList(),
            Scripted.Columns.Select(c => (c.Key, c.Value.Nullable)).Order().ToList());
    }

    [Fact]
    public void Every_provider_has_a_migration_of_every_number()
    {
        var numbers = Providers
            .Select(p => string.Join(",", Storage.Migrations.MigrationScript.Embedded(p).Select(s => s.FileName)))
            .Distinct()
            .ToList();
        Assert.Single(numbers);
    }

    private static ProfileHubDbContext Context()
    {
        var options = new DbContextOptionsBuilder<ProfileHubDbContext>();
        StorageProvider.Create(new DatabaseOptions { Provider = "sqlserver", ConnectionString = Unreachable }).ConfigureDbContext(options);
        return new ProfileHubDbContext(options.Options);
    }
}
