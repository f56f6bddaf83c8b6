namespace ProfileHub.Testing;

/// <summary>A real SQLite file in a temporary directory, deleted with the fixture.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"profilehub-test-{Guid.NewGuid():N}");

    public override string ProviderName => "sqlite";

    public string FilePath => Path.Combine(_directory, "profilehub.db");

    protected override Task<string> CreateAsync()
    {
        Directory.CreateDirectory(_directory);

        // No pooling: the file must be closable (and deletable) when the fixture ends.
        return Task.FromResult($"Data Source={FilePath};Pooling=False");
    }

    protected override Task DropAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
