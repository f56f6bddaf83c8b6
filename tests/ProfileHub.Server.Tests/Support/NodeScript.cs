using System.Diagnostics;

namespace ProfileHub.Server.Tests.Support;

/// <summary>Runs a Node.js script of one of the repository's npm folders (tests/conformance/segment, tests/browser).</summary>
internal static class NodeScript
{
    /// <summary>The folder (relative to the repository root, holding a package.json) found above the test binaries.</summary>
    public static string Folder(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{relative} not found above the test binaries.");
    }

    /// <summary>
    /// <see cref="Folder"/>, once its npm packages are installed: a missing <paramref name="package"/> fails the test
    /// with what to run, never skips it.
    /// </summary>
    public static string InstalledFolder(string relative, string package)
    {
        var directory = Folder(relative);
        return Directory.Exists(Path.Combine(directory, "node_modules", package))
            ? directory
            : throw new InvalidOperationException($"{package} is not installed in {directory}: run ./build.sh test (it runs npm ci there).");
    }

    /// <summary>`node arguments...` in <paramref name="folder"/>; killed (with its children) after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string folder, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node", arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await node.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s: {await errors}");
        }

        return (node.ExitCode, await output, await errors);
    }
}
