using Microsoft.Extensions.Logging;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// The rule for a file's unfinished end (connectors/README.md, "Bad rows and files still being written"): a last row
/// without its line break, or a JSON document that ends early, is read only once the file has not been
/// modified for the settle period (setting `settleSeconds`, default 60). Until then the watermark stays before
/// it, so the row is read whole once its writer finishes it; a file that legitimately ends without a final
/// newline is read completely once it has settled.
/// </summary>
internal sealed partial class FileSettling(TimeProvider clock, TimeSpan settle)
{
    public const int DefaultSeconds = 60;

    public TimeSpan Period => settle;

    public static FileSettling For(ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = context.Settings.GetInt("settleSeconds") is >= 0 and var configured ? configured : DefaultSeconds;
        return new FileSettling(context.Clock, TimeSpan.FromSeconds(seconds));
    }

    /// <summary>Whether the end of <paramref name="path"/> is final. Asked after reading it, so a write during the read counts.</summary>
    public InputEnd EndOf(string path)
    {
        // A modification time ahead of the clock (a skewed file server) is "just now": the row waits.
        var age = clock.GetUtcNow() - new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        return age >= settle ? InputEnd.Final : InputEnd.Unsettled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{File} line {Line} is not finished (no line break, and the file changed within {Settle}): it waits for the next run")]
    private static partial void LogHeldBack(ILogger logger, string file, long line, TimeSpan settle);

    /// <summary>Says that a run stopped before an unfinished last row, and where.</summary>
    public static void LogHeldBack(ILogger logger, FilePosition heldBack, TimeSpan settle)
    {
        ArgumentNullException.ThrowIfNull(heldBack);
        LogHeldBack(logger, heldBack.File, heldBack.Line + 1, settle);
    }
}
