using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Segments;

/// <summary>`profilehub audience export` as a user runs it: the real executable on a SQLite database.</summary>
public sealed class AudienceVerbTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("profilehub-audience-").FullName;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await AudienceData.SeedAsync(database, "newsletter", new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_workingDirectory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Export_writes_the_audience_and_prints_one_summary_line()
    {
        var (exit, stdout, _) = await ExportAsync("--segment", "newsletter", "--format", "jsonl", "--output", "out.jsonl");

        Assert.Equal(0, exit);
        Assert.Contains("exported: segment=newsletter channel=email rows=7", stdout, StringComparison.Ordinal);
        Assert.Equal(7, (await File.ReadAllLinesAsync(Path.Combine(_workingDirectory, "out.jsonl"))).Length);
    }

    [Fact]
    public async Task Export_of_an_unknown_segment_fails_and_keeps_the_previous_file()
    {
        var previous = Path.Combine(_workingDirectory, "out.csv");
        await File.WriteAllTextAsync(previous, "previous\n");

        var (exit, _, stderr) = await ExportAsync("--segment", "nobody", "--output", "out.csv");

        Assert.Equal(1, exit);
        Assert.Contains("There is no segment named \"nobody\"", stderr, StringComparison.Ordinal);
        Assert.Equal("previous\n", await File.ReadAllTextAsync(previous));
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> ExportAsync(params string[] args)
    {
        await using var export = ProfileHubProcess.Start(
            _workingDirectory,
            new Dictionary<string, string>
            {
                ["ProfileHub__Database__Provider"] = database.ProviderName,
                ["ProfileHub__Database__ConnectionString"] = database.ConnectionString,
            },
            ["audience", "export", .. args]);
        var exit = await export.WaitForExitAsync(Patience);
        return (exit, export.Stdout, export.Stderr);
    }
}
