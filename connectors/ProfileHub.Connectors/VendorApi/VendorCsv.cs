using System.Text;
using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>One CSV data row by header name, with the line it started on and its raw text.</summary>
internal sealed record CsvRow(long Line, IReadOnlyDictionary<string, string> Fields, string Raw)
{
    public string? this[string column] =>
        Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public bool Has(string column) => Fields.ContainsKey(column);
}

/// <summary>
/// Reads a vendor's CSV export (RFC 4180: comma separated, double-quoted fields with "" escapes and line
/// breaks inside quotes) row by row. A row with stray quotes or the wrong number of fields is rejected with
/// its line, as is an unterminated quote at the end (a truncated file); the rows around it still load.
/// </summary>
internal static class VendorCsv
{
    public static IEnumerable<CsvRow> Read(TextReader text, string fileName, ICollection<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rejected);
        var tokenizer = new Tokenizer(text);
        var header = tokenizer.Next();
        if (header is null)
        {
            yield break;
        }

        var names = header.Fields.Select((h, i) => i == 0 ? h.Trim().TrimStart('\uFEFF') : h.Trim()).ToArray();
        while (tokenizer.Next() is { } record)
        {
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0 && record.Problem is null)
            {
                continue;
            }

            var problem = record.Problem
                ?? (record.Fields.Count != names.Length ? $"expected {names.Length} fields, found {record.Fields.Count}" : null);
            if (problem is not null)
            {
                rejected.Add(new RejectedRow($"{fileName}:{record.Line}", record.Raw, problem));
                continue;
            }

            var map = new Dictionary<string, string>(names.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Length; i++)
            {
                map.TryAdd(names[i], record.Fields[i]);
            }

            yield return new CsvRow(record.Line, map, record.Raw);
        }
    }

    private sealed record Record(long Line, List<string> Fields, string Raw, string? Problem);

    private sealed class Tokenizer(TextReader text)
    {
        private long _line = 1;

        public Record? Next()
        {
            if (text.Peek() < 0)
            {
                return null;
            }

            var startLine = _line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var raw = new StringBuilder();
            string? problem = null;
            var quoted = false;
            var afterQuote = false;
            var fieldStart = true;
            while (true)
            {
                var c = text.Read();
                if (c < 0)
                {
                    if (quoted)
                    {
                        problem ??= "truncated row: unterminated quote at end of file";
                    }

                    break;
                }

                var ch = (char)c;
                if (ch == '\n')
                {
                    _line++;
                }

                if (quoted)
                {
                    raw.Append(ch);
                    if (ch == '"')
                    {
                        if (text.Peek() == '"')
                        {
                            raw.Append((char)text.Read());
                            field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                            afterQuote = true;
                        }
                    }
                    else
                    {
                        field.Append(ch);
                    }

                    continue;
                }

                if (ch is '\r' or '\n')
                {
                    if (ch == '\r' && text.Peek() == '\n')
                    {
                        text.Read();
                        _line++;
                    }

                    break;
                }

                raw.Append(ch);
                if (ch == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStart = true;
                    afterQuote = false;
                    continue;
                }

                if (ch == '"' && fieldStart)
                {
                    quoted = true;
                    fieldStart = false;
                    continue;
                }

                if (ch == '"' || afterQuote)
                {
                    problem ??= $"bad quoting in field {fields.Count + 1}";
                }

                fieldStart = false;
                field.Append(ch);
            }

            fields.Add(field.ToString());
            return new Record(startLine, fields, raw.ToString(), problem);
        }
    }
}
