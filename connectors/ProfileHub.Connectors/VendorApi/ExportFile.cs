using System.Text.Json;
using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// One export file a vendor source reads whole: its bytes and whether its end is final (<see cref="FileSettling"/>).
/// A reader that finds the end unfinished (a last CSV row or JSON line without its line break, a JSON document
/// that ends early, in a file still being written) reads what is complete and sets <see cref="Unfinished"/>:
/// the file is then read again on the next run, until it is finished.
/// </summary>
internal sealed class ExportFile(FileInfo info, ReadOnlyMemory<byte> bytes, InputEnd end)
{
    public FileInfo Info => info;

    public string Name => info.Name;

    public ReadOnlyMemory<byte> Bytes => bytes;

    public InputEnd End => end;

    /// <summary>The bytes for System.Text.Json, which does not skip a UTF-8 byte order mark itself.</summary>
    public ReadOnlyMemory<byte> Json => bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;

    public bool Unfinished { get; set; }

    public static async Task<ExportFile> ReadAsync(FileInfo info, FileSettling settling, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(settling);
        var bytes = await File.ReadAllBytesAsync(info.FullName, cancellationToken);
        return new ExportFile(info, bytes, settling.EndOf(info.FullName));
    }

    /// <summary>The file's rows as lines (JSON lines): the shared framing, UTF-8 check and unfinished-end rule.</summary>
    public IEnumerable<FramedRow> Lines() => RowCutter.Rows(bytes, LineFraming.Instance, end, Finish);

    /// <summary>Records that the cutter stopped before the end of the bytes (an unfinished row waits).</summary>
    public void Finish(RowCutter cutter)
    {
        ArgumentNullException.ThrowIfNull(cutter);
        Unfinished |= cutter.Offset < bytes.Length;
    }

    /// <summary>
    /// True, and <see cref="Unfinished"/> set, when the file is one JSON document that ends before its value does
    /// and may still be being written: it is read once finished. A settled or malformed one is read (and rejected) now.
    /// </summary>
    public bool JsonUnfinished()
    {
        if (end == InputEnd.Final || !EndsEarly(Json.Span))
        {
            return false;
        }

        Unfinished = true;
        return true;
    }

    private static bool EndsEarly(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName))
                {
                    return false; // The root value is complete.
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false; // Malformed, not unfinished.
        }
    }
}
