using CsvHelper;

namespace ProfileHub.Server.Csv;

internal static class CsvOutput
{
    /// <summary>
    /// RFC 4180 quoting, LF line endings. The library's formula escaping is off because it would also escape
    /// negative weights and E.164 phones; writers neutralize text cells with <see cref="SpreadsheetCell"/>.
    /// </summary>
    public static CsvWriterOptions Options { get; } = new()
    {
        NewLine = "\n",
        Injection = CsvInjection.None,
    };
}
