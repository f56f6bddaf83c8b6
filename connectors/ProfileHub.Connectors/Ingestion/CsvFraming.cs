namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// Where CSV records end, read as CsvHelper reads them (RFC 4180: a quote opens a quoted field only at the
/// start of a field, "" inside one is a quote, a line break inside one belongs to the field), and the one rule
/// every CSV reader of ProfileHub follows for a quote that is never closed: it must not swallow the rows after
/// it. A record whose quoted field runs over line breaks is kept as one record only if it then ends as a
/// plausible row (no malformed quoting, the header's field count). Otherwise the record ends at the first line
/// after its start that is, on its own, a complete row with the header's field count: the broken row is
/// quarantined with its line, and reading goes on from there. Without such a line the rows stay one record.
/// </summary>
internal sealed class CsvFraming(byte separator, bool trim) : IRowFraming
{
    /// <summary>How far a quoted field is followed in search of its closing quote.</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>The header's field count, once the header is read; before that no row is cut out of another.</summary>
    public int? Fields { get; set; }

    public int Measure(ReadOnlySpan<byte> data, InputEnd end, out string? problem)
    {
        problem = null;
        var capped = data.Length > MaxRecordBytes;
        var window = capped ? data[..MaxRecordBytes] : data;
        var record = Scan(window, final: end == InputEnd.Final || capped);
        if (record.Length > 0 && !record.OpenQuote && (!record.Multiline || Plausible(record)))
        {
            return record.Length;
        }

        if (record.Length < 0 && end == InputEnd.More)
        {
            return -1;
        }

        // A quote left open: the first later line that is a complete row of its own ends the broken row. At the
        // end of a file still being written this is decided once such a line exists, so one broken row cannot
        // hold back a file that keeps growing.
        var scope = record.Length > 0 ? window[..record.Length] : window;
        if (Fields is not null && RecoveryPoint(scope, end == InputEnd.Final) is > 0 and var cut)
        {
            problem = "malformed CSV: unterminated quote (the row ends where the next complete row starts)";
            return cut;
        }

        if (record.Length < 0)
        {
            return -1; // Its writer may still close the quote.
        }

        return capped && record.OpenQuote && window.LastIndexOf((byte)'\n') is >= 0 and var lastBreak ? lastBreak + 1 : record.Length;
    }

    private bool Plausible(Scanned record) => record.Clean && (Fields is null || record.Fields == Fields);

    /// <summary>The offset of the first line after the first one that is a complete, clean row with the header's field count.</summary>
    private int RecoveryPoint(ReadOnlySpan<byte> scope, bool final)
    {
        var start = scope.IndexOf((byte)'\n') + 1;
        while (start > 0 && start < scope.Length)
        {
            var next = scope[start..].IndexOf((byte)'\n');
            var line = next >= 0 ? scope.Slice(start, next + 1) : scope[start..];
            var alone = Scan(line, final);
            if (alone.Length == line.Length && !alone.Multiline && !alone.OpenQuote && alone.Clean && alone.Fields == Fields && !IsBlank(line))
            {
                return start;
            }

            start = next >= 0 ? start + next + 1 : -1;
        }

        return -1;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.TrimEnd("\r\n"u8).Trim(" \t"u8).IsEmpty;

    /// <summary>Scans one record from the start of <paramref name="data"/>; Length -1 when the data ends inside it and more may follow.</summary>
    private Scanned Scan(ReadOnlySpan<byte> data, bool final)
    {
        var fields = 1;
        var inQuotes = false;
        var fieldStart = true;
        var closed = false;
        var clean = true;
        var multiline = false;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (inQuotes)
            {
                if (b == (byte)'"')
                {
                    if (i + 1 == data.Length && !final)
                    {
                        return Scanned.Incomplete; // "" or a closing quote: the next byte decides.
                    }

                    if (i + 1 < data.Length && data[i + 1] == (byte)'"')
                    {
                        i++;
                        continue;
                    }

                    inQuotes = false;
                    closed = true;
                }
                else if (b == (byte)'\n')
                {
                    multiline = true;
                }

                continue;
            }

            if (b == (byte)'\n')
            {
                return new Scanned(i + 1, fields, clean, multiline, OpenQuote: false);
            }

            if (b == separator)
            {
                fields++;
                fieldStart = true;
                closed = false;
            }
            else if (b == (byte)'\r' && (i + 1 == data.Length || data[i + 1] == (byte)'\n'))
            {
                // The CR of a CR LF line break.
            }
            else if (trim && b is (byte)' ' or (byte)'\t' && (fieldStart || closed))
            {
                // Trimmed: a quote after leading whitespace still opens a quoted field, as in CsvHelper.
            }
            else if (b == (byte)'"' && fieldStart)
            {
                inQuotes = true;
                fieldStart = false;
            }
            else
            {
                // A quote inside an unquoted field, or text after a closing quote: CsvHelper recovers, we note it.
                clean &= b != (byte)'"' && !closed;
                fieldStart = false;
            }
        }

        return final ? new Scanned(data.Length, fields, clean && !inQuotes, multiline, inQuotes) : Scanned.Incomplete;
    }

    private readonly record struct Scanned(int Length, int Fields, bool Clean, bool Multiline, bool OpenQuote)
    {
        public static readonly Scanned Incomplete = new(-1, 0, false, false, false);
    }
}
