using CsvHelper;
using ProfileHub.Core.Matching;

namespace ProfileHub.Server.Resolve;

/// <summary>
/// The records of a `resolve` input file, read with CsvHelper, plus everything worth telling the user
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

    public int MalformedRows { get; private set; }

    public int RowCount { get; private set; }

    /// <summary>A reason the whole file is unusable (exit code 2), or null.</summary>
    public string? FatalError { get; private set; }

    public static ResolveInput Read(byte[] bytes, System.Text.Encoding? encoding, string idColumn, ColumnMapping mapping)
    {
        var input = new ResolveInput();
        var badQuotingLines = new HashSet<long>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => badQuotingLines.Add(record.LineNumber),
            Encoding = encoding,
        };
        using var csv = CsvReader.Create(bytes, options);
        if (!csv.Read())
        {
            input.FatalError = "the input file is empty (no header row)";
            return input;
        }

        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToArray();
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
        while (csv.Read())
        {
            var line = csv.LineNumber;
            var count = csv.FieldCount;

            input.RowCount++;
            var id = idIndex < count ? csv.GetString(idIndex) : string.Empty;
            if (string.IsNullOrEmpty(id))
            {
                input.MalformedRows++;
                input.Problems.Add($"line {line}: no value in id column '{idColumn}'; row skipped");
                continue;
            }

            if (!firstLineOf.TryAdd(id, line))
            {
                duplicates.Add($"line {line}: record id '{id}' already used on line {firstLineOf[id]}");
                continue;
            }

            var malformed = count != header.Length || badQuotingLines.Contains(line);
            if (malformed)
            {
                input.MalformedRows++;
                input.Problems.Add(count != header.Length
                    ? $"line {line}: {count} fields where the header has {header.Length}; record '{id}' kept as its own profile, unmatched"
                    : $"line {line}: broken quoting; record '{id}' kept as its own profile, unmatched");
                input.UnmatchedRecordIds.Add(id);
                continue;
            }

            var record = new MatchInput(id);
            foreach (var (index, column, attribute) in map)
            {
                var value = csv.GetString(index);
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
