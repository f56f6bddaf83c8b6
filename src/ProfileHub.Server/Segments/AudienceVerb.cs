using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Storage;
using ProfileHub.Storage;
using Spectre.Console;

namespace ProfileHub.Server.Segments;

/// <summary>
/// `profilehub audience export --segment NAME [--channel email] --format csv|jsonl --output FILE`: the
/// segment's current audience (consent and frequency cap applied) to a file, with progress on stderr.
/// </summary>
internal static class AudienceVerb
{
    public const int FailedExitCode = 1;

    public static Command Create()
    {
        var segment = new Option<string>("--segment") { Description = "The segment whose audience to export.", Required = true };
        var channel = new Option<ConsentChannel>("--channel") { Description = "The channel the audience is for: consent and the frequency cap are per channel.", DefaultValueFactory = _ => ConsentChannel.Email };
        var format = new Option<ExportFormat>("--format") { Description = "csv (with a header) or jsonl (one JSON object a line).", DefaultValueFactory = _ => ExportFormat.Csv };
        var output = new Option<string>("--output") { Description = "The file to write; replaced only when the export completes.", Required = true };
        var export = new Command("export", "Write a segment's audience to a file.") { segment, channel, format, output };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction(async (parse, cancellationToken) =>
        {
            using var host = ProfileHubHost.BuildVerbHost([.. parse.UnmatchedTokens], builder =>
            {
                builder.AddProfileHubSegments();
                builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
            });
            await host.Services.PrepareDatabaseAsync(cancellationToken);
            var exporter = new AudienceExport(
                host.Services.GetRequiredService<IDbContextFactory<ProfileHubDbContext>>(),
                host.Services.GetRequiredService<TimeProvider>(),
                host.Services.GetRequiredService<IOptions<FrequencyCap>>().Value);
            return await RunAsync(exporter, parse.GetValue(segment)!, parse.GetValue(channel), parse.GetValue(format), parse.GetValue(output)!, cancellationToken);
        });
        return new Command("audience", "Audiences of segments.") { export };
    }

    private static async Task<int> RunAsync(AudienceExport exporter, string segment, ConsentChannel channel, ExportFormat format, string output, CancellationToken cancellationToken)
    {
        // Progress goes to stderr so that stdout carries only the summary line.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            var rows = await console.Status().StartAsync($"Exporting {segment}...", async status =>
                await exporter.RunAsync(segment, channel, format, output, new Progress<long>(n => status.Status($"Exporting {segment}: {n:N0} rows")), cancellationToken));
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            await Console.Out.WriteLineAsync(FormattableString.Invariant($"exported: segment={segment} channel={channel.ToString().ToLowerInvariant()} rows={rows} seconds={seconds:F2} file={Path.GetFullPath(output)}"));
            return 0;
        }
#pragma warning disable CA1031 // The verb's contract is a one-line reason and a non-zero exit code, whatever failed.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"profilehub audience export: {e.Message} (the previous {output}, if any, is unchanged)");
            return FailedExitCode;
        }
    }
}
