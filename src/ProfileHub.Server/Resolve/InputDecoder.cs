using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ProfileHub.Server.Resolve;

/// <summary>
/// Decodes the input file to UTF-8 for <see cref="ProfileHub.Connectors.Ingestion.CsvDocument"/>. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. A file
/// that is not valid UTF-8 is decoded as Latin-1 (ISO-8859-1), which maps every byte to a character so
/// nothing is lost, and a warning names the line of the first invalid byte: legacy exports from
/// Windows tools are the usual cause, and Latin-1 reads their accented names correctly.
/// </summary>
internal static class InputDecoder
{
    /// <summary>The input as UTF-8 (a UTF-8 byte order mark is left for the reader to skip).</summary>
    public static byte[] ToUtf8(byte[] bytes, out string? warning)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var encoding = Detect(bytes, out warning);
        return encoding is null ? bytes : Encoding.UTF8.GetBytes(encoding.GetString(bytes, encoding.Preamble.Length, bytes.Length - encoding.Preamble.Length));
    }

    /// <summary>The encoding to transcode from, or null for UTF-8.</summary>
    private static Encoding? Detect(byte[] bytes, out string? warning)
    {
        warning = null;
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        if (Utf8.IsValid(span))
        {
            return null;
        }

        var buffer = ArrayPool<char>.Shared.Rent(4096);
        var offset = 0;
        try
        {
            while (offset < span.Length)
            {
                var status = Utf8.ToUtf16(span[offset..], buffer, out var read, out _, replaceInvalidSequences: false);
                offset += read;
                if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData or OperationStatus.Done)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        var line = span[..offset].Count((byte)'\n') + 1;
        warning = $"input is not valid UTF-8 (first invalid byte on line {line}); decoded as Latin-1 (ISO-8859-1)";
        return Encoding.Latin1;
    }
}
