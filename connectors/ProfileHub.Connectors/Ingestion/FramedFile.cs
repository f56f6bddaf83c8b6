using System.Buffers;
using System.Runtime.CompilerServices;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// Streams the rows of a file from a byte offset with a <see cref="RowCutter"/>. At the end of the file it asks
/// <see cref="FileSettling"/> whether the end is final: if not, an unfinished last row is not read, and
/// <see cref="HeldBack"/> says where it starts (the watermark stays there, and a later run reads it whole).
/// </summary>
internal sealed class FramedFile(string path, IRowFraming framing, FileSettling settling)
{
    /// <summary>Where the unfinished row this read stopped before starts; null when it read to the end.</summary>
    public FilePosition? HeldBack { get; private set; }

    public async IAsyncEnumerable<FramedRow> ReadAsync(long offset, long line, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        stream.Seek(offset, SeekOrigin.Begin);
        var cutter = new RowCutter(framing, offset, line);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var start = 0;
            var end = 0;
            var state = InputEnd.More;
            while (true)
            {
                while (cutter.TryCut(buffer.AsMemory(start, end - start), state, out var row, out var length))
                {
                    start += length;
                    yield return row;
                }

                if (state != InputEnd.More)
                {
                    HeldBack = start < end ? new FilePosition(Path.GetFileName(path), cutter.Offset, cutter.Line) : null;
                    yield break;
                }

                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                end += read;
                if (read == 0)
                {
                    state = settling.EndOf(path);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
