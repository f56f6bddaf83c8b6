using System.Text.Json;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// Runs one Node script of tests/browser (playwright-core driving Debian's Chromium, headless) and parses the
/// JSON it prints. Missing Chromium or Node packages fail the test with what to run, never skip it.
/// </summary>
internal static class BrowserScript
{
    public static async Task<JsonElement> RunAsync(string script, params string[] arguments)
    {
        var directory = NodeScript.InstalledFolder(Path.Combine("tests", "browser"), "playwright-core");
        var chromium = Chromium() ?? throw new InvalidOperationException(
            "Chromium is not installed: run ./build.sh test (it installs Debian's chromium and chromium-driver), or set PROFILEHUB_CHROMIUM to a Chromium executable.");
        var (exitCode, stdout, stderr) = await NodeScript.RunAsync(directory, [script, .. arguments, chromium], TimeSpan.FromSeconds(90));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {exitCode}:\n{stdout}\n{stderr}");
        }

        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static string? Chromium()
    {
        if (Environment.GetEnvironmentVariable("PROFILEHUB_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"PROFILEHUB_CHROMIUM={configured} does not exist.");
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .SelectMany(dir => new[] { Path.Combine(dir, "chromium"), Path.Combine(dir, "chromium-browser") })
            .FirstOrDefault(File.Exists);
    }
}
