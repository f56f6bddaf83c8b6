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
/// breaks inside quotes) as a <see cref="CsvDocument"/>, row by row. A row that is not UTF-8, that CsvHelper
/// finds malformed (stray quotes, an unterminated quote) or that has the wrong number of fields is rejected
/// with the line it starts on; the rows around it still load, also after a quote left open
/// (<see cref="CsvFraming"/>).
/// </summary>
internal static class VendorCsv
{
    public static IEnumerable<CsvRow> Read(ExportFile file, ICollection<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Read(file.Bytes, file.Name, file.End, rejected, file.Finish);
    }

    public static IEnumerable<CsvRow> Read(ReadOnlyMemory<byte> bytes, string fileName, InputEnd end, ICollection<RejectedRow> rejected, Action<RowCutter>? done = null)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var csv = new CsvDocument(',', trim: false);
        foreach (var record in csv.Read(bytes, end, done))
        {
            var names = csv.Header!;
            var problem = record.Malformed
                ?? (record.Fields.Length != names.Length ? $"expected {names.Length} fields, found {record.Fields.Length}" : null);
            if (problem is not null)
            {
                rejected.Add(new RejectedRow($"{fileName}:{record.Row.Line}", record.Row.Text, problem));
                continue;
            }

            var map = new Dictionary<string, string>(names.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Length; i++)
            {
                map.TryAdd(names[i], record.Fields[i]);
            }

            yield return new CsvRow(record.Row.Line, map, record.Row.Text);
        }
    }
}
