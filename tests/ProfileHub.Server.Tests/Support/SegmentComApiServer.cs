namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// One `profilehub serve` on loopback with a Segment HTTP connector (write key <see cref="WriteKey"/>) over
/// an embedded database in its own working directory, shared by a test class.
/// </summary>
public sealed class SegmentComApiServer : IAsyncLifetime
{
    public const string WriteKey = "wk-test-3f9a";
    public const string Connector = "segmentapi";

    /// <summary>The write key of a second connector whose body limit (`maxBodyBytes`) is 1,000 bytes.</summary>
    public const string SmallWriteKey = "wk-small-77c1";

    private ProfileHubProcess? _server;

    public string WorkingDirectory { get; } = Directory.CreateTempSubdirectory("profilehub-segment-").FullName;

    public Uri BaseAddress => _server?.BaseAddress ?? throw new InvalidOperationException("not started");

    public string DatabasePath => Path.Combine(WorkingDirectory, "data", "profilehub.db");

    public static Dictionary<string, string> Environment => new()
    {
        // No scheduled imports or matches: the shipped demo connectors would load beside the tests and hold
        // SQLite's write lock (a stored call waited 30 s behind a match on a loaded machine). The tests import by hand.
        ["ProfileHub__Scheduling__Enabled"] = "false",
        [$"ProfileHub__Connectors__{Connector}__Kind"] = "Web",
        [$"ProfileHub__Connectors__{Connector}__Format"] = "segment-http",
        [$"ProfileHub__Connectors__{Connector}__Settings__writeKey"] = WriteKey,
        ["ProfileHub__Connectors__segmentsmall__Kind"] = "Web",
        ["ProfileHub__Connectors__segmentsmall__Format"] = "segment-http",
        ["ProfileHub__Connectors__segmentsmall__Settings__writeKey"] = SmallWriteKey,
        ["ProfileHub__Connectors__segmentsmall__Settings__maxBodyBytes"] = "1000",
    };

    public async Task InitializeAsync()
    {
        _server = ProfileHubProcess.Start(WorkingDirectory, Environment, "serve", "--urls", "http://127.0.0.1:0");
        await _server.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>`profilehub import --connector segmentapi` in the same directory: processes the stored calls.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> ImportAsync()
    {
        await using var import = ProfileHubProcess.Start(WorkingDirectory, Environment, "import", "--connector", Connector);
        var exit = await import.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (exit, import.Stdout, import.Stderr);
    }

    /// <summary>Runs Segment's own Node.js library (tests/conformance/segment/send.mjs) against this server.</summary>
    public async Task<(int ExitCode, string Output)> SendWithAnalyticsNodeAsync(string writeKey)
    {
        var directory = NodeScript.InstalledFolder(Path.Combine("tests", "conformance", "segment"), Path.Combine("@segment", "analytics-node"));
        var (exitCode, stdout, stderr) = await NodeScript.RunAsync(directory, ["send.mjs", BaseAddress.ToString().TrimEnd('/'), writeKey], TimeSpan.FromSeconds(60));
        return (exitCode, stdout + stderr);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(WorkingDirectory, recursive: true);
    }
}
