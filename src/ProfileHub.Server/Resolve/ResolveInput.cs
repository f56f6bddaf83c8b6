using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Matching;

namespace ProfileHub.Server.Resolve;

/// <summary>
/// The records of a `resolve` input file, read as every CSV of ProfileHub is (<see cref="CsvDocument"/>: a quote
/// left open does not swallow the rows after it), plus everything worth telling the user
/// about it (with line numbers). Rows that cannot be trusted (wrong field count, broken quoting) keep
/// their record in the output as a profile of its own, unmatched, so no record is lost.
/// </summary>
internal sealed class ResolveInput
{
    /// <summary>Values longer than this are reported and matched on their first characters only.</summary>
    public const int MaxValueLength = 256;

    public List<MatchInput> Records { get; } = [];

    /// <summary>Records from malformed rows: output as their own profiles, never matched.</summary>
    public List<string> UnmatchedRecordIds { get; } = [];

    public List<string> Problems { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>The lines of the rows that were not matched as read: kept as their own profiles, or dropped.</summary>
    public List<long> MalformedLines { get; } = [];

    /// <summary>The lines of the rows that are not in the output at all (no record id).</summary>
    public List<long> DroppedLines { get; } = [];

    public int RowCount { get; private set; }

    /// <summary>A reason the whole file is unusable (exit code 2), or null.</summary>
    public string? FatalError { get; private set; }

    public static ResolveInput Read(byte[] utf8, string idColumn, ColumnMapping mapping)
    {
        var input = new ResolveInput();
        var csv = new CsvDocument(',', trim: true);
        using var records = csv.Read(utf8, InputEnd.Final).GetEnumerator();
        var more = records.MoveNext();
        if (csv.Header is not { } header)
        {
            input.FatalError = "the input file is empty (no header row)";
            return input;
        }

        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!columnIndex.TryAdd(header[i], i))
            {
                input.Warnings.Add($"line 1: column '{header[i]}' appears twice; the first one is used");
            }
        }

        if (!columnIndex.TryGetValue(idColumn, out var idIndex))
        {
            input.FatalError = $"line 1: id column '{idColumn}' is not in the header (columns: {string.Join(", ", header)})";
            return input;
        }

        var missing = mapping.Entries.Where(e => !columnIndex.ContainsKey(e.Column)).Select(e => e.Column).ToList();
        if (missing.Count > 0)
        {
            input.FatalError = $"line 1: mapped column(s) not in the header: {string.Join(", ", missing)} (columns: {string.Join(", ", header)})";
            return input;
        }

        var unmapped = header.Where(h => h != idColumn && mapping.Entries.All(e => e.Column != h)).ToList();
        if (unmapped.Count > 0)
        {
            input.Warnings.Add($"columns not mapped (ignored): {string.Join(", ", unmapped)}");
        }

        var map = mapping.Entries.Select(e => (Index: columnIndex[e.Column], e.Column, e.Attribute)).ToArray();
        var firstLineOf = new Dictionary<string, long>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        for (; more; more = records.MoveNext())
        {
            var fields = records.Current.Fields;
            var line = records.Current.Row.Line;
            var count = fields.Length;

            input.RowCount++;
            var id = idIndex < count ? fields[idIndex].Trim() : string.Empty;
            if (string.IsNullOrEmpty(id))
            {
                input.MalformedLines.Add(line);
                input.DroppedLines.Add(line);
                input.Problems.Add($"line {line}: no value in id column '{idColumn}'; row skipped");
                continue;
            }

            if (!firstLineOf.TryAdd(id, line))
            {
                duplicates.Add($"line {line}: record id '{id}' already used on line {firstLineOf[id]}");
                continue;
            }

            // A row cut out of a quote left open is broken too: it is reported, and the rows after it read on.
            if (count != header.Length || records.Current.Malformed is not null)
            {
                input.MalformedLines.Add(line);
                input.Problems.Add(records.Current.Malformed is { } malformed
                    ? $"line {line}: {malformed}; record '{id}' kept as its own profile, unmatched"
                    : $"line {line}: {count} fields where the header has {header.Length}; record '{id}' kept as its own profile, unmatched");
                input.UnmatchedRecordIds.Add(id);
                continue;
            }

            var record = new MatchInput(id);
            foreach (var (index, column, attribute) in map)
            {
                var value = fields[index];
                if (value.Length > MaxValueLength)
                {
                    input.Warnings.Add($"line {line}: column '{column}' holds {value.Length} characters; matched on its first {MaxValueLength}");
                    value = value[..MaxValueLength];
                }

                record.Set(attribute, value);
            }

            input.Records.Add(record);
        }

        if (duplicates.Count > 0)
        {
            input.FatalError = $"{duplicates.Count} duplicate record id(s); ids must be unique:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", duplicates.Take(20))
                + (duplicates.Count > 20 ? $"{Environment.NewLine}  ... and {duplicates.Count - 20} more" : string.Empty);
        }
        else if (input.RowCount == 0)
        {
            input.Warnings.Add("the input file has a header but no records");
        }

        return input;
    }
}
