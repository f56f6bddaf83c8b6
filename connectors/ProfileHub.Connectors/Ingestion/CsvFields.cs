using System.Text;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// Decodes the fields of one CSV record that <see cref="CsvFraming"/> cut out, with the same rules (CsvHelper's
/// recovering reading of RFC 4180): a field that starts with a quote (after spaces and tabs, when trimming) is
/// quoted, "" in it is a quote and line breaks are kept; a stray quote in an unquoted field is text, text after a
/// closing quote is appended, and a quote never closed runs to the end of the record. Each of these is reported
/// as the record's first problem, in CsvHelper's words ("malformed CSV: stray quote").
/// </summary>
internal sealed class CsvFields(byte separator, bool trim)
{
    private static ReadOnlySpan<byte> Whitespace => " \t"u8;

    private byte[] _scratch = new byte[256];

    public string[] Decode(ReadOnlySpan<byte> record, out string? malformed)
    {
        malformed = null;
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            var start = i;
            if (trim)
            {
                while (i < record.Length && record[i] is (byte)' ' or (byte)'\t')
                {
                    i++;
                }
            }

            if (i < record.Length && record[i] == (byte)'"')
            {
                fields.Add(Quoted(record, ref i, ref malformed));
            }
            else
            {
                var end = record[start..].IndexOf(separator) is >= 0 and var at ? start + at : record.Length;
                var value = record[start..end];
                value = trim ? value.Trim(Whitespace) : value;
                malformed ??= value.Contains((byte)'"') ? "malformed CSV: stray quote" : null;
                fields.Add(Encoding.UTF8.GetString(value));
                i = end;
            }

            if (i >= record.Length)
            {
                return [.. fields];
            }

            i++; // The separator: another field follows, if only an empty one.
        }
    }

    /// <summary>A quoted field from its opening quote at <paramref name="i"/> to the separator after it.</summary>
    private string Quoted(ReadOnlySpan<byte> record, ref int i, ref string? malformed)
    {
        var length = 0;
        i++;
        while (true)
        {
            var quote = record[i..].IndexOf((byte)'"');
            var text = quote >= 0 ? record.Slice(i, quote) : record[i..];
            Append(text, ref length);
            if (quote < 0)
            {
                malformed ??= "malformed CSV: unterminated quote";
                i = record.Length;
                break;
            }

            i += quote + 1;
            if (i < record.Length && record[i] == (byte)'"')
            {
                Append("\""u8, ref length);
                i++;
                continue;
            }

            var end = record[i..].IndexOf(separator) is >= 0 and var at ? i + at : record.Length;
            var after = trim ? record[i..end].Trim(Whitespace) : record[i..end];
            if (!after.IsEmpty)
            {
                malformed ??= "malformed CSV: text after closing quote";
                Append(after, ref length);
            }

            i = end;
            break;
        }

        return Encoding.UTF8.GetString(_scratch, 0, length);
    }

    private void Append(ReadOnlySpan<byte> bytes, ref int length)
    {
        if (length + bytes.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, length + bytes.Length));
        }

        bytes.CopyTo(_scratch.AsSpan(length));
        length += bytes.Length;
    }
}
