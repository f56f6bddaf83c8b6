using CsvHelper;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// Decodes the fields of one CSV record that <see cref="CsvFraming"/> cut out, with CsvHelper's recovering
/// reading of RFC 4180 (a stray quote is text, text after a closing quote is appended, a quote never closed runs
/// to the end of the record). The record's first problem is reported in CsvHelper's terms ("malformed CSV: stray
/// quote"). CsvHelper reads the record alone because <see cref="CsvFraming"/>, not CsvHelper, decides where a
/// record with an unterminated quote ends: CsvHelper would let it swallow the rest of the file.
/// </summary>
internal sealed class CsvFields
{
    private readonly CsvReaderOptions _options;
    private CsvMalformedReason? _reason;

    public CsvFields(byte separator, bool trim)
    {
        _options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = (char)separator,
            TrimWhitespace = trim,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => _reason ??= record.Reason,
        };
    }

    public string[] Decode(ReadOnlySpan<byte> record, out string? malformed)
    {
        _reason = null;
        using var csv = CsvReader.Create(record.ToArray(), _options);
        var fields = csv.Read() ? new string[csv.FieldCount] : [string.Empty];
        for (var i = 0; i < fields.Length && i < csv.FieldCount; i++)
        {
            fields[i] = csv.GetString(i);
        }

        malformed = _reason switch
        {
            null => null,
            CsvMalformedReason.StrayQuote => "malformed CSV: stray quote",
            CsvMalformedReason.TextAfterClosingQuote => "malformed CSV: text after closing quote",
            CsvMalformedReason.UnterminatedQuote => "malformed CSV: unterminated quote",
            var other => $"malformed CSV: {other}",
        };
        return fields;
    }
}
