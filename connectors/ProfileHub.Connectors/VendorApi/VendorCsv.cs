using System.Text;
using CsvHelper;
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
/// breaks inside quotes) with CsvHelper, row by row. A row CsvHelper finds malformed (stray quotes, an
/// unterminated quote at the end of a truncated file) or with the wrong number of fields is rejected with
/// the line it starts on; the rows around it still load.
/// </summary>
internal static class VendorCsv
{
    public static IEnumerable<CsvRow> Read(TextReader text, string fileName, ICollection<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rejected);
        var malformed = new Dictionary<long, string>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed[record.LineNumber] = Describe(record.Reason),
        };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        csv.ReadHeader();
        if (csv.Headers.Count == 0)
        {
            yield break;
        }

        var names = csv.Headers.Select((h, i) => i == 0 ? h.Trim().TrimStart('\uFEFF') : h.Trim()).ToArray();
        while (csv.Read())
        {
            var raw = Encoding.UTF8.GetString(csv.RawRecord).TrimEnd('\r', '\n');
            if (raw.Length == 0)
            {
                continue;
            }

            var problem = malformed.Remove(csv.LineNumber, out var reason)
                ? reason
                : csv.FieldCount != names.Length ? $"expected {names.Length} fields, found {csv.FieldCount}" : null;
            if (problem is not null)
            {
                rejected.Add(new RejectedRow($"{fileName}:{csv.LineNumber}", raw, problem));
                continue;
            }

            var map = new Dictionary<string, string>(names.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Length; i++)
            {
                map.TryAdd(names[i], csv.GetString(i) ?? string.Empty);
            }

            yield return new CsvRow(csv.LineNumber, map, raw);
        }
    }

    /// <summary>CsvHelper's reason in words: <c>UnterminatedQuote</c> → "malformed CSV: unterminated quote".</summary>
    public static string Describe<TReason>(TReason reason)
        where TReason : struct, Enum =>
        "malformed CSV: " + string.Concat(reason.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
