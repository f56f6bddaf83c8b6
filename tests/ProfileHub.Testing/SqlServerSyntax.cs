using System.Text.RegularExpressions;

namespace ProfileHub.Testing;

/// <summary>
/// Checks a statement meant for SQL Server for what only PostgreSQL or SQLite accept (ON CONFLICT, RETURNING,
/// ::casts, jsonb, json_extract, TRUE, ...), comments aside. Catches a statement that was not given its SQL
/// Server form; whether SQL Server accepts the statement is for the tests on a real server.
/// </summary>
public static partial class SqlServerSyntax
{
    public static void AssertNoForeignSyntax(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var foreign = Foreign().Matches(Comment().Replace(sql, string.Empty)).Select(m => m.Value).ToList();
        Assert.True(foreign.Count == 0, $"PostgreSQL or SQLite syntax in a SQL Server statement: {string.Join(", ", foreign)}\n{sql}");
    }

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"ON CONFLICT|RETURNING|::|\bjsonb\b|json_extract|WHERE true|\bILIKE\b|\bpg_\w+|PRAGMA|CREATE TEMP|\bLIMIT\s+\d|\binterval\b|\btimestamptz\b|\bboolean\b|\bbytea\b|\btext\b(?! COLLATE)|\bTRUE\b|\bFALSE\b|\$\$", RegexOptions.IgnoreCase)]
    private static partial Regex Foreign();
}
