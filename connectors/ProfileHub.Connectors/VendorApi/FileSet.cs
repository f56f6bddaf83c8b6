using System.Globalization;
using System.Text.Json;
using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// The export files a file-based vendor connector reads: the `path` setting names one file or a directory
/// (read in name order, filtered by the `pattern` setting). The watermark remembers each file's size and
/// last write time, so a re-run reads only new or changed exports; each file is one batch, and the watermark
/// after it includes it.
/// </summary>
internal sealed class FileSet
{
    private readonly SortedDictionary<string, string> _seen;

    private FileSet(SortedDictionary<string, string> seen)
    {
        _seen = seen;
    }

    public static FileSet FromWatermark(string? watermark) =>
        new(string.IsNullOrEmpty(watermark)
            ? new SortedDictionary<string, string>(StringComparer.Ordinal)
            : new SortedDictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(watermark) ?? [], StringComparer.Ordinal));

    /// <summary>Files under the configured path not read before in their current version, in name order.</summary>
    public IEnumerable<FileInfo> Pending(ConnectorSettings settings, string defaultPattern)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = settings.GetPath("path");
        IEnumerable<FileInfo> files = Directory.Exists(path)
            ? new DirectoryInfo(path).EnumerateFiles(settings.GetString("pattern") ?? defaultPattern).OrderBy(f => f.Name, StringComparer.Ordinal)
            : File.Exists(path) ? [new FileInfo(path)] : throw new FileNotFoundException($"The connector path '{path}' is neither a file nor a directory.", path);
        return files.Where(f => !_seen.TryGetValue(f.Name, out var stamp) || stamp != Stamp(f)).ToList();
    }

    /// <summary>
    /// Marks <paramref name="file"/> read and returns the watermark that says so. An <paramref name="unfinished"/>
    /// file gets a stamp no file has, so the next run reads it again (what it loaded is recognised as stored).
    /// </summary>
    public string MarkRead(FileInfo file, bool unfinished = false)
    {
        ArgumentNullException.ThrowIfNull(file);
        _seen[file.Name] = unfinished ? Stamp(file) + ":unfinished" : Stamp(file);
        return JsonSerializer.Serialize(_seen);
    }

    private static string Stamp(FileInfo file) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.Length}:{file.LastWriteTimeUtc.Ticks}");
}
