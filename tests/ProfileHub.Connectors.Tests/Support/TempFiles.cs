namespace ProfileHub.Connectors.Tests.Support;

/// <summary>A temporary directory for a test's input files, deleted with it.</summary>
internal sealed class TempFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("profilehub-connectors-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Append(string name, string content) => File.AppendAllText(Path.Combine(Directory, name), content);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
