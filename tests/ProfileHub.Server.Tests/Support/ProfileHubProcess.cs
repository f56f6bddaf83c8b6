using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// The real `profilehub` executable (built beside the tests), started as a process in its own working
/// directory, talked to over real HTTP on loopback.
/// </summary>
internal sealed partial class ProfileHubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProfileHubProcess(Process process)
    {
        _process = process;
    }

    public Uri BaseAddress => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : throw new InvalidOperationException("not listening");

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static ProfileHubProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "profilehub.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing from the developer's shell may leak in: the test states the whole configuration.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ProfileHub__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var wrapper = new ProfileHubProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.OnStderr(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Waits for Kestrel's "Now listening on" line, or fails with what the process printed.</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var finished = await Task.WhenAny(_listening.Task, exited, Task.Delay(timeout));
        if (finished != _listening.Task)
        {
            throw new InvalidOperationException($"profilehub did not start listening.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stdout)
        {
            _stdout.AppendLine(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    private void OnStderr(string? line)
    {
        if (line is not null)
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line);
            }
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
