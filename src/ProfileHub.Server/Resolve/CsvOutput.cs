using CsvHelper;

namespace ProfileHub.Server.Resolve;

internal static class CsvOutput
{
    /// <summary>RFC 4180 quoting, LF line endings, no formula escaping (ids are data, not spreadsheet cells).</summary>
    public static CsvWriterOptions Options { get; } = new()
    {
        NewLine = "\n",
        Injection = CsvInjection.None,
    };
}
