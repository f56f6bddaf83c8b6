using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Support;

/// <summary>
/// A temporary directory for a test's input files, deleted with it. <c>Write</c> makes a finished export
/// (last modified well before the pipeline's clock, <see cref="IngestionHarness.T0"/>, so its end is final);
/// <c>Append</c> and <see cref="WriteUnfinished"/> leave it modified "now", which that clock has not
/// reached: a file still being written, whose unfinished last row waits.
/// </summary>
internal sealed class TempFiles : IDisposable
{
    public static readonly DateTime Finished = IngestionHarness.T0.UtcDateTime.AddHours(-1);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("profilehub-connectors-").FullName;

    public string Write(string name, string content) => Write(name, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string name, byte[] content)
    {
        var path = WriteUnfinished(name, content);
        File.SetLastWriteTimeUtc(path, Finished);
        return path;
    }

    public string WriteUnfinished(string name, byte[] content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Append(string name, string content) => File.AppendAllText(Path.Combine(Directory, name), content);

    public void Append(string name, byte[] content)
    {
        using var stream = new FileStream(Path.Combine(Directory, name), FileMode.Append);
        stream.Write(content);
    }

    /// <summary>Leaves the file as its writer would once done with it: last modified before the clock's settle period.</summary>
    public void Finish(string name) => File.SetLastWriteTimeUtc(Path.Combine(Directory, name), Finished);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
