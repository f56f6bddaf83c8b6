using Microsoft.EntityFrameworkCore;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// Searches every column of every table the database has (from its own catalogue, so tables and columns the
/// EF Core model does not know, Quartz's included, are searched too), read as text, for values ignoring case.
/// </summary>
internal static class PersonalDataScan
{
    /// <summary>"table.column: value" for each column holding one of the values somewhere.</summary>
    public static async Task<List<string>> FindAsync(TestDatabase database, params string[] values)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var postgres = database.ProviderName == "postgres";
        var columns = new List<(string Table, string Column)>();
        await using (var catalogue = connection.CreateCommand())
        {
            catalogue.CommandText = postgres
                ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
                : "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' ORDER BY m.name, c.cid";
            await using var reader = await catalogue.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            foreach (var value in values)
            {
                await using var search = connection.CreateCommand();
                search.CommandText = postgres
                    ? $"SELECT count(*) FROM \"{table}\" WHERE \"{column}\"::text ILIKE '%' || @value || '%'"
                    : $"SELECT count(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE '%' || @value || '%'";
                var parameter = search.CreateParameter();
                parameter.ParameterName = "value";
                parameter.Value = value;
                search.Parameters.Add(parameter);
                if (Convert.ToInt64(await search.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    found.Add($"{table}.{column}: {value}");
                }
            }
        }

        return found;
    }
}
