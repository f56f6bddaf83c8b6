using Npgsql;

namespace ProfileHub.Bench.Api;

/// <summary>
/// What a bulk load drops and puts back, read from the catalog so the rebuilt schema is exactly the migrated
/// one: every foreign key from or to the loaded tables, and their indexes other than the primary keys.
/// </summary>
internal static class SeedSchema
{
    public static async Task<List<string>> DropAsync(NpgsqlConnection connection, IReadOnlyList<string> tables)
    {
        var names = string.Join(", ", tables.Select(t => $"'{t}'::regclass"));
        var keys = await RowsAsync(
            connection,
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint " +
            $"WHERE contype = 'f' AND (conrelid IN ({names}) OR confrelid IN ({names}))");
        var indexes = await RowsAsync(
            connection,
            $"SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid IN ({names}) AND NOT i.indisprimary");
        var drop = keys.Select(k => $"ALTER TABLE {k[0]} DROP CONSTRAINT {k[1]}").Concat(indexes.Select(i => $"DROP INDEX {i[0]}")).ToList();
        foreach (var statement in drop)
        {
            await SeedApiCommand.Execute(connection, statement);
        }

        // Indexes first: the foreign keys' validation joins use them.
        return [.. indexes.Select(i => i[1]), .. keys.Select(k => $"ALTER TABLE {k[0]} ADD CONSTRAINT {k[1]} {k[2]}")];
    }

    /// <summary>Runs the saved definitions, the indexes on two connections at once (the machine has two cores).</summary>
    public static async Task RestoreAsync(string connectionString, List<string> statements)
    {
        var indexes = statements.Where(s => s.StartsWith("CREATE", StringComparison.Ordinal)).ToList();
        var keys = statements.Except(indexes).ToList();
        var queue = new Queue<string>(indexes.OrderByDescending(Weight));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await SeedApiCommand.Execute(connection, "SET maintenance_work_mem = '512MB'");
            while (true)
            {
                string statement;
                lock (queue)
                {
                    if (!queue.TryDequeue(out statement!))
                    {
                        return;
                    }
                }

                await SeedApiCommand.Execute(connection, statement);
            }
        }));

        await using var single = new NpgsqlConnection(connectionString);
        await single.OpenAsync();
        foreach (var statement in keys)
        {
            await SeedApiCommand.Execute(single, statement);
        }
    }

    private static async Task<List<string[]>> RowsAsync(NpgsqlConnection connection, string sql)
    {
        var rows = new List<string[]>();
#pragma warning disable CA2100 // Catalog queries over this bench's own table names.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }

    // The big tables' indexes first, so the two connections finish together.
    private static int Weight(string statement) =>
        statement.Contains(" touchpoints ", StringComparison.Ordinal) ? 3
        : statement.Contains(" profile_attributes ", StringComparison.Ordinal) ? 2
        : 1;
}
