using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// Decoding of the rows file sources read: UTF-8 only. A row that is not valid UTF-8 (a Latin-1 export's "é"
/// is the usual cause) is quarantined rather than loaded with U+FFFD in place of what it said, and its
/// quarantined text shows each invalid byte as \xNN so the row can be repaired from it.
/// </summary>
internal static class Utf8Text
{
    /// <summary>Why <paramref name="bytes"/> cannot be decoded, or null when they are valid UTF-8.</summary>
    public static string? Problem(ReadOnlySpan<byte> bytes, long offset)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var at = InvalidAt(bytes);
        return string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8: byte 0x{bytes[at]:X2} at byte {at + 1} of the row (file offset {offset + at})");
    }

    /// <summary>The text of a row for a quarantine record: valid UTF-8 decoded, every invalid byte as \xNN.</summary>
    public static string Display(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var text = new StringBuilder(bytes.Length + 8);
        while (!bytes.IsEmpty)
        {
            var at = Utf8.IsValid(bytes) ? bytes.Length : InvalidAt(bytes);
            text.Append(Encoding.UTF8.GetString(bytes[..at]));
            if (at < bytes.Length)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{bytes[at]:X2}");
                at++;
            }

            bytes = bytes[at..];
        }

        return text.ToString();
    }

    private static int InvalidAt(ReadOnlySpan<byte> bytes)
    {
        var status = Rune.DecodeFromUtf8(bytes, out _, out var length);
        var at = 0;
        while (status == OperationStatus.Done)
        {
            at += length;
            status = Rune.DecodeFromUtf8(bytes[at..], out _, out length);
        }

        return at;
    }
}
