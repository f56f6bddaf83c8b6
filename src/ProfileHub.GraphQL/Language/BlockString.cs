using System.Text;

namespace ProfileHub.GraphQL.Language;

/// <summary>Spec 2.9.4 BlockStringValue(): the indentation-removal algorithm for <c>"""block strings"""</c>.</summary>
internal static class BlockString
{
    public static string Dedent(string raw)
    {
        var lines = SplitLines(raw);
        int? commonIndent = null;
        for (var i = 1; i < lines.Count; i++)
        {
            var indent = LeadingWhitespace(lines[i]);
            if (indent < lines[i].Length && (commonIndent is null || indent < commonIndent))
            {
                commonIndent = indent;
            }
        }

        if (commonIndent is { } common)
        {
            for (var i = 1; i < lines.Count; i++)
            {
                lines[i] = lines[i].Length <= common ? string.Empty : lines[i][common..];
            }
        }

        var first = 0;
        while (first < lines.Count && IsBlank(lines[first]))
        {
            first++;
        }

        var last = lines.Count - 1;
        while (last >= first && IsBlank(lines[last]))
        {
            last--;
        }

        return first > last ? string.Empty : string.Join('\n', lines.GetRange(first, last - first + 1));
    }

    /// <summary>Splits on the spec's LineTerminator: <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>.</summary>
    public static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }

    /// <summary>
    /// Prints a value as a block string the way graphql-js's <c>printBlockString</c> does, so that parsing the
    /// output gives the value back.
    /// </summary>
    public static string Print(string value, bool minimize = false)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = SplitLines(value);
        var isSingleLine = lines.Count == 1;
        var forceLeadingNewLine = lines.Count > 1
            && lines.Skip(1).All(line => line.Length == 0 || IsWhitespace(line[0]));
        var hasTrailingTripleQuote = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuote;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !minimize
            && (!isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuote);

        var builder = new StringBuilder("\"\"\"");
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhitespace(value[0]);
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            builder.Append('\n');
        }

        builder.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine)
        {
            builder.Append('\n');
        }

        return builder.Append("\"\"\"").ToString();
    }

    private static int LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && IsWhitespace(line[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsBlank(string line) => LeadingWhitespace(line) == line.Length;

    private static bool IsWhitespace(char c) => c is ' ' or '\t';
}
