using System.Text.RegularExpressions;
using ProfileHub.Storage.Migrations;

namespace ProfileHub.Storage.Tests.Support;

/// <summary>A column as a provider's migration scripts leave it.</summary>
public sealed record ScriptedColumn(string Type, bool Nullable, string? Collation);

/// <summary>An index as a provider's migration scripts leave it.</summary>
public sealed record ScriptedIndex(string Table, string Columns, bool Unique, string? Include, string? Filter);

/// <summary>
/// The schema that a provider's migration scripts build, read from their DDL without a database: each script in
/// order, with the statement forms the scripts use (CREATE TABLE with one column per line, ALTER TABLE ... ADD /
/// ALTER COLUMN, CREATE [UNIQUE] INDEX ... [INCLUDE] [WHERE], DROP INDEX). Lets the SQL Server scripts be checked
/// against the model on a machine without SQL Server.
/// </summary>
public sealed partial class MigrationSchema
{
    public Dictionary<(string Table, string Column), ScriptedColumn> Columns { get; } = [];

    public Dictionary<string, ScriptedIndex> Indexes { get; } = new(StringComparer.Ordinal);

    public static MigrationSchema Of(string provider)
    {
        var schema = new MigrationSchema();
        foreach (var script in MigrationScript.Embedded(provider))
        {
            schema.Apply(script.Sql);
        }

        return schema;
    }

    private void Apply(string sql)
    {
        var text = Comment().Replace(sql, string.Empty);
        foreach (Match table in CreateTable().Matches(text))
        {
            var name = table.Groups[1].Value;
            var keys = PrimaryKey().Match(table.Groups[2].Value) is { Success: true } pk
                ? pk.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (Match column in ColumnLine().Matches(table.Groups[2].Value))
            {
                var rest = column.Groups[3].Value;
                Columns[(name, column.Groups[1].Value)] = new ScriptedColumn(
                    Type(column.Groups[2].Value), !rest.Contains("NOT NULL", StringComparison.Ordinal) && !keys.Contains(column.Groups[1].Value), Collation(rest));
            }
        }

        foreach (Match added in AddColumn().Matches(text))
        {
            var rest = added.Groups[4].Value;
            Columns[(added.Groups[1].Value, added.Groups[2].Value)] = new ScriptedColumn(Type(added.Groups[3].Value), !rest.Contains("NOT NULL", StringComparison.Ordinal), Collation(rest));
        }

        foreach (Match altered in AlterColumn().Matches(text))
        {
            var key = (altered.Groups[1].Value, altered.Groups[2].Value);
            var before = Columns[key];
            Columns[key] = before with { Nullable = !altered.Groups[3].Value.Contains("NOT NULL", StringComparison.Ordinal) };
        }

        // Drops and creates in script order: a later script replaces an index by dropping and creating it again.
        foreach (Match statement in IndexStatement().Matches(text))
        {
            if (statement.Groups["drop"].Success)
            {
                Indexes.Remove(statement.Groups["drop"].Value);
                continue;
            }

            Indexes[statement.Groups["name"].Value] = new ScriptedIndex(
                statement.Groups["table"].Value,
                Plain(statement.Groups["columns"].Value),
                statement.Groups["unique"].Success,
                statement.Groups["include"].Success ? Plain(statement.Groups["include"].Value) : null,
                statement.Groups["filter"].Success ? Plain(statement.Groups["filter"].Value) : null);
        }
    }

    /// <summary>Without brackets, quotes, parentheses, white space or case.</summary>
    public static string Plain(string sql) =>
        string.Concat(sql.Where(c => c is not ('"' or '[' or ']' or '(' or ')') && !char.IsWhiteSpace(c))).ToUpperInvariant();

    private static string Type(string type) => Regex.Replace(type.Trim().ToLowerInvariant(), @"\s+", " ").Replace(", ", ",", StringComparison.Ordinal);

    private static string? Collation(string rest) => CollateClause().Match(rest) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"CREATE TABLE (\w+) \((.*?)\n\);", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"PRIMARY KEY \(([^)]*)\)")]
    private static partial Regex PrimaryKey();

    // A column line: a lower-case (or bracketed) name, then its type; CONSTRAINT and REFERENCES lines are upper case.
    [GeneratedRegex(@"^\s+\[?([a-z_0-9]+)\]? ((?:[a-z]+(?: [a-z]+)*?)(?:\((?:\d+|max)(?:,\s*\d+)?\))?)((?: [A-Z(][^\n]*?)?),?$", RegexOptions.Multiline)]
    private static partial Regex ColumnLine();

    [GeneratedRegex(@"ALTER TABLE (\w+) ADD (?:COLUMN )?(?!CONSTRAINT)\[?(\w+)\]? ([a-z ]+?(?:\((?:\d+|max)(?:,\s*\d+)?\))?)((?: [A-Z][^;]*)?);")]
    private static partial Regex AddColumn();

    [GeneratedRegex(@"ALTER TABLE (\w+) ALTER COLUMN (\w+) ([^;]*);")]
    private static partial Regex AlterColumn();

    [GeneratedRegex(@"DROP INDEX (?<drop>\w+)[^;]*;|CREATE (?<unique>UNIQUE )?INDEX (?<name>\w+) ON (?<table>\w+) \((?<columns>[^)]*)\)(?:\s+INCLUDE \((?<include>[^)]*)\))?(?:\s+WHERE (?<filter>[^;]+))?;")]
    private static partial Regex IndexStatement();

    [GeneratedRegex(@"COLLATE (\w+)")]
    private static partial Regex CollateClause();
}
