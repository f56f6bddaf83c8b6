using CsvHelper;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>One CSV record: the row it was read from, its fields decoded, and why it is malformed (or null).</summary>
internal readonly record struct CsvRecord(FramedRow Row, string[] Fields, string? Malformed);

/// <summary>
/// A CSV file as ProfileHub's CSV readers (the generic CSV connector, the vendor exports, `resolve`) read it:
/// <see cref="CsvFraming"/> finds the records, <see cref="CsvFields"/> decodes each one's fields, the first
/// non-blank row is the header, and blank lines are no records. A record's problem is, in this order, its row's
/// (invalid UTF-8, cut out of a broken quote) or its malformed quoting; the field count is the caller's check.
/// </summary>
internal sealed class CsvDocument(char separator, bool trim)
{
    private readonly CsvFields _fields = new((byte)separator, trim);

    public CsvFraming Framing { get; } = new((byte)separator, trim);

    /// <summary>The header's names, trimmed, once its row has been read.</summary>
    public string[]? Header { get; private set; }

    /// <summary>The separator a connector configured, else the one CsvHelper detects in the first lines (, ; tab |).</summary>
    public static char DetectSeparator(ReadOnlyMemory<byte> head, char? configured)
    {
        if (configured is { } separator)
        {
            return separator;
        }

        using var csv = CsvReader.Create(head, new CsvReaderOptions { HasHeader = true, MalformedData = CsvMalformedDataHandling.Recover });
        return csv.Separator;
    }

    /// <summary>Reads a CSV held whole in memory: the header, then its records (see <see cref="RowCutter.Rows"/> for <paramref name="end"/>).</summary>
    public IEnumerable<CsvRecord> Read(ReadOnlyMemory<byte> data, InputEnd end, Action<RowCutter>? done = null)
    {
        foreach (var row in RowCutter.Rows(data, Framing, end, done))
        {
            if (Take(row) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>The record of <paramref name="row"/>; null for a blank row and for the header row, which it reads.</summary>
    public CsvRecord? Take(FramedRow row)
    {
        if (row.Bytes.Span.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        var fields = _fields.Decode(row.Bytes.Span, out var malformed);
        if (Header is null)
        {
            Header = [.. fields.Select(f => f.Trim())];
            Framing.Fields = Header.Length;
            return null;
        }

        return new CsvRecord(row, fields, row.Problem ?? malformed);
    }
}
