using System.Buffers;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>One line of a JSON-lines file with where it ends, so a watermark can point just after it.</summary>
public readonly record struct JsonLine(long Number, ReadOnlyMemory<byte> Bytes, long EndOffset, bool Terminated);

/// <summary>
/// Reads a JSON-lines (NDJSON) file from a byte offset, line by line, without decoding text it does not
/// need: the bytes of each line go straight to System.Text.Json. A last line with no newline is reported as
/// not <see cref="JsonLine.Terminated"/> (a truncated file, or one still being written).
/// </summary>
public static class JsonLines
{
    public static async IAsyncEnumerable<JsonLine> ReadAsync(string path, long offset, long lineNumber, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var start = 0;
            var end = 0;
            var position = offset;
            while (true)
            {
                if (start > 0 && end - start < buffer.Length / 2)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                else if (end == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, start, larger, 0, end - start);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    end -= start;
                    start = 0;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                end += read;
                int newline;
                while ((newline = Array.IndexOf(buffer, (byte)'\n', start, end - start)) >= 0)
                {
                    var length = newline - start;
                    position += length + 1;
                    lineNumber++;
                    yield return new JsonLine(lineNumber, Trim(buffer.AsMemory(start, length)), position, true);
                    start = newline + 1;
                }

                if (read == 0)
                {
                    if (end > start)
                    {
                        position += end - start;
                        yield return new JsonLine(lineNumber + 1, Trim(buffer.AsMemory(start, end - start)), position, false);
                    }

                    yield break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        var length = span.Length;
        while (length > 0 && span[length - 1] is (byte)'\r' or (byte)' ' or (byte)'\t')
        {
            length--;
        }

        return line[..length];
    }
}
