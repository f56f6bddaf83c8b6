namespace ProfileHub.Testing;

/// <summary>The repository's files, found above the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProfileHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ProfileHub.sln not found above the test binaries.");
    }
}
