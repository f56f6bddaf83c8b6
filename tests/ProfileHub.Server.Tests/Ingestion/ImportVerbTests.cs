using ProfileHub.Server.Tests.Support;

namespace ProfileHub.Server.Tests.Ingestion;

/// <summary>`profilehub import --connector NAME` as a user runs it: the real executable in its own directory.</summary>
public sealed class ImportVerbTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("profilehub-import-").FullName;

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task Import_loads_a_configured_connector_once_and_prints_its_counts()
    {
        await File.WriteAllTextAsync(Path.Combine(_workingDirectory, "events.jsonl"), string.Join('\n',
            """{"type":"identify","messageId":"i-1","userId":"u1","timestamp":"2026-03-01T10:00:00Z","traits":{"email":"u1@example.com"}}""",
            """{"type":"track","messageId":"t-1","userId":"u1","event":"Order Completed","timestamp":"2026-03-01T10:05:00Z","properties":{"revenue":10}}""",
            """{"type":"track","messageId":"t-2","userId":"u1","event":""",
            ""));
        var environment = Connector("events.jsonl");

        var (first, firstOut, _) = await ImportAsync(environment);
        var (second, secondOut, _) = await ImportAsync(environment);
        var (again, againOut, _) = await ImportAsync(environment, "--from-start");

        Assert.Equal((0, 0, 0), (first, second, again));
        Assert.Contains("imported: connector=web read=3 new=2 duplicates=0 quarantined=1", firstOut, StringComparison.Ordinal);
        Assert.Contains("imported: connector=web read=0 new=0", secondOut, StringComparison.Ordinal);
        // The bad line was quarantined by the first run: read again from the start, it is a duplicate too.
        Assert.Contains("imported: connector=web read=3 new=0 duplicates=3 quarantined=0", againOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_exits_non_zero_with_the_reason_when_the_connector_fails_or_is_unknown()
    {
        var (failed, _, failedErr) = await ImportAsync(Connector("missing.jsonl"));
        var (unknown, _, unknownErr) = await ImportAsync(Connector("missing.jsonl"), "--connector", "nope");

        Assert.Equal(1, failed);
        Assert.Contains("connector web failed", failedErr, StringComparison.Ordinal);
        Assert.Contains("missing.jsonl", failedErr, StringComparison.Ordinal);
        Assert.Equal(1, unknown);
        Assert.Contains("no connector named 'nope' is configured; the configured ones are: sample-conversions, ", unknownErr, StringComparison.Ordinal);
        Assert.Contains(", sample-zendesk, web.", unknownErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Piped_the_summary_table_keeps_its_whole_cells()
    {
        await File.WriteAllTextAsync(Path.Combine(_workingDirectory, "events.jsonl"),
            """{"type":"identify","messageId":"i-1","userId":"u1","timestamp":"2026-03-01T10:00:00Z","traits":{"email":"u1@example.com"}}""" + "\n");

        var (exit, stdout, stderr) = await ImportAsync(Connector("events.jsonl"));

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("…", stdout, StringComparison.Ordinal);
        var header = stdout.Split('\n').Single(l => l.Contains("rows/s", StringComparison.Ordinal));
        Assert.Matches(@"connector +│ run +│ rows read +│ records new/changed +│ touchpoints new +│ duplicates +│ quarantined +│ seconds +│ rows/s", header);
        Assert.True(header.TrimEnd().Length < 200, header);
    }

    [Fact]
    public async Task Without_a_licence_key_AutoMapper_is_noted_once_at_information_and_a_configured_key_reaches_it()
    {
        // The notice's own category at Information: the verb logs warnings and errors only.
        const string Notice = "--Logging:LogLevel:ProfileHub.Connectors.Ingestion.ConnectorMapper=Information";
        await File.WriteAllTextAsync(Path.Combine(_workingDirectory, "events.jsonl"), string.Empty);

        var (unlicensed, _, unlicensedErr) = await ImportAsync(Connector("events.jsonl"), Notice);
        var (licensed, _, licensedErr) = await ImportAsync(Connector("events.jsonl"), "--ProfileHub:AutoMapper:LicenseKey=not-a-licence-key");

        Assert.Equal((0, 0), (unlicensed, licensed));
        Assert.DoesNotContain("warn", unlicensedErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Lucky Penny", unlicensedErr, StringComparison.Ordinal);
        Assert.Single(unlicensedErr.Split('\n'), l => l.Contains("AutoMapper runs without a licence key", StringComparison.Ordinal));
        Assert.Contains("(ProfileHub:AutoMapper:LicenseKey)", unlicensedErr, StringComparison.Ordinal);
        // AutoMapper itself checked the configured key (and found it is no key).
        Assert.Contains("LuckyPennySoftware.AutoMapper.License", licensedErr, StringComparison.Ordinal);
        Assert.DoesNotContain("AutoMapper runs without a licence key", licensedErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_configuration_imports_the_demo_samples_whatever_the_working_directory()
    {
        var (exit, stdout, stderr) = await ImportAsync([], "--connector", "sample-loyalty");

        Assert.True(exit == 0, stderr);
        Assert.Matches(@"imported: connector=sample-loyalty read=[1-9]\d* new=[1-9]\d* duplicates=0 quarantined=0", stdout);
    }

    private static Dictionary<string, string> Connector(string file) => new()
    {
        ["ProfileHub__Connectors__web__Kind"] = "Web",
        ["ProfileHub__Connectors__web__Format"] = "segment-jsonl",
        ["ProfileHub__Connectors__web__Settings__path"] = file,
    };

    private async Task<(int ExitCode, string Stdout, string Stderr)> ImportAsync(Dictionary<string, string> environment, params string[] args)
    {
        string[] command = args.Contains("--connector") ? ["import", .. args] : ["import", "--connector", "web", .. args];
        await using var import = ProfileHubProcess.Start(_workingDirectory, environment, command);
        var exit = await import.WaitForExitAsync(Patience);
        return (exit, import.Stdout, import.Stderr);
    }
}
