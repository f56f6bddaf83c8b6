using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// The watermark of file sources: the last file read (files are read in name order, so timestamped drops
/// sort) and the byte offset and line number just after the last committed row in it.
/// </summary>
public sealed record FilePosition(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("offset")] long Offset,
    [property: JsonPropertyName("line")] long Line)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static FilePosition? Parse(string? watermark) =>
        string.IsNullOrWhiteSpace(watermark) ? null : JsonSerializer.Deserialize<FilePosition>(watermark);

    /// <summary>
    /// The files under <paramref name="path"/> (a file, or a directory read for <paramref name="patterns"/>)
    /// in name order, each with the position to start from: files before the watermark's are done.
    /// </summary>
    public static IEnumerable<(string Path, long Offset, long Line)> Pending(string path, FilePosition? watermark, params string[] patterns)
    {
        var files = Directory.Exists(path)
            ? patterns.SelectMany(p => Directory.EnumerateFiles(path, p)).Distinct().Order(StringComparer.Ordinal).ToList()
            : System.IO.File.Exists(path) ? [path] : throw new FileNotFoundException($"The connector's input {path} does not exist.", path);
        foreach (var file in files)
        {
            var name = System.IO.Path.GetFileName(file);
            var order = watermark is null ? 1 : string.CompareOrdinal(name, watermark.File);
            if (order > 0)
            {
                yield return (file, 0, 0);
            }
            else if (order == 0)
            {
                yield return (file, watermark!.Offset, watermark.Line);
            }
        }
    }
}
