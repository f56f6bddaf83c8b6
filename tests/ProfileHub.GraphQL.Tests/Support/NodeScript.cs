using System.Diagnostics;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>
/// Runs one of the conformance harness's node scripts, installing its pinned packages with <c>npm ci</c> first when
/// <c>node_modules</c> is missing.
/// </summary>
internal static class NodeScript
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        await EnsurePackagesAsync();
        return await RunProcessAsync("node", [script, .. arguments]);
    }

    private static async Task EnsurePackagesAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(ConformanceFixtures.Folder, "node_modules", "graphql")))
            {
                return;
            }

            var (exitCode, output) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"]);
            if (exitCode != 0)
            {
                throw new InvalidOperationException("npm ci failed in " + ConformanceFixtures.Folder + ":\n" + output);
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = ConformanceFixtures.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
