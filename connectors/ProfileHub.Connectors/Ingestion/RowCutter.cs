namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// One row a file source read, with where it is: <see cref="Line"/> is the line it starts on (CSV rows may span
/// lines), <see cref="EndOffset"/> the byte offset just after it, where a watermark may point.
/// <see cref="EndLine"/> the line it ends on. <see cref="Bytes"/> are the row without its line break, valid until the next row is read.
/// <see cref="Problem"/> says why the row cannot be loaded as read (invalid UTF-8, a CSV row cut out of a
/// broken quote), and <see cref="Terminated"/> whether its line break was there (a finished file may end
/// without one).
/// </summary>
internal readonly record struct FramedRow(long Line, long EndLine, long Offset, long EndOffset, ReadOnlyMemory<byte> Bytes, bool Terminated, string? Problem)
{
    /// <summary>The row as text, for a quarantine record or a raw payload.</summary>
    public string Text => Utf8Text.Display(Bytes.Span);
}

/// <summary>
/// Cuts rows out of a file's bytes as they are read, keeping the byte offset and line number, skipping a UTF-8
/// byte order mark and checking each row's UTF-8: the one place every file source finds its row boundaries.
/// A row the bytes end inside is cut only when <see cref="InputEnd"/> says nothing will follow.
/// </summary>
internal sealed class RowCutter(IRowFraming framing, long offset, long line)
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The byte offset of the next row.</summary>
    public long Offset { get; private set; } = offset;

    /// <summary>The line the last row ended on (the next row starts on the line after it).</summary>
    public long Line { get; private set; } = line;

    /// <summary>Reads the rows of bytes held whole in memory (a vendor export, `resolve`'s input).</summary>
    public static IEnumerable<FramedRow> Rows(ReadOnlyMemory<byte> data, IRowFraming framing, InputEnd end, Action<RowCutter>? done = null)
    {
        var cutter = new RowCutter(framing, 0, 0);
        var start = 0;
        while (cutter.TryCut(data[start..], end, out var row, out var length))
        {
            start += length;
            yield return row;
        }

        done?.Invoke(cutter);
    }

    /// <summary>
    /// Cuts the next row from <paramref name="data"/> (the unread bytes, starting at <see cref="Offset"/>);
    /// false when they hold no whole row yet. <paramref name="length"/> is how many bytes were consumed.
    /// </summary>
    public bool TryCut(ReadOnlyMemory<byte> data, InputEnd end, out FramedRow row, out int length)
    {
        row = default;
        length = 0;
        if (Offset == 0 && data.Span.StartsWith(Bom))
        {
            data = data[Bom.Length..];
            length = Bom.Length;
            Offset = Bom.Length;
        }
        else if (Offset == 0 && data.Length < Bom.Length && end == InputEnd.More && Bom.StartsWith(data.Span))
        {
            return false;
        }

        string? problem = null;
        var size = data.IsEmpty ? -1 : framing.Measure(data.Span, end, out problem);
        if (size <= 0)
        {
            return false;
        }

        var bytes = data[..size];
        var span = bytes.Span;
        var terminated = span[^1] == (byte)'\n';
        var content = terminated ? bytes[..^(span.Length > 1 && span[^2] == (byte)'\r' ? 2 : 1)] : bytes;
        var breaks = span.Count((byte)'\n');
        problem ??= Utf8Text.Problem(content.Span, Offset);
        var endLine = Line + (terminated ? breaks : breaks + 1);
        row = new FramedRow(Line + 1, endLine, Offset, Offset + size, content, terminated, problem);
        Offset += size;
        Line = endLine;
        length += size;
        return true;
    }
}
