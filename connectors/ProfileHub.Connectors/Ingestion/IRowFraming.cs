namespace ProfileHub.Connectors.Ingestion;

/// <summary>How a file format cuts its bytes into rows: a line of JSON lines, a record of a CSV.</summary>
internal interface IRowFraming
{
    /// <summary>
    /// The length of the row at the start of <paramref name="data"/>, its line break included, or -1 when the row
    /// cannot be told yet: the bytes end inside it and <paramref name="end"/> says more may come. A row the format
    /// had to cut out of broken input comes with the <paramref name="problem"/> that says why.
    /// </summary>
    int Measure(ReadOnlySpan<byte> data, InputEnd end, out string? problem);
}

/// <summary>JSON lines: a row is a line, and only its newline ends it.</summary>
internal sealed class LineFraming : IRowFraming
{
    public static readonly LineFraming Instance = new();

    public int Measure(ReadOnlySpan<byte> data, InputEnd end, out string? problem)
    {
        problem = null;
        var newline = data.IndexOf((byte)'\n');
        return newline >= 0 ? newline + 1 : end == InputEnd.Final && !data.IsEmpty ? data.Length : -1;
    }
}
