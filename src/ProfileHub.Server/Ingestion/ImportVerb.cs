using System.CommandLine;
using System.Globalization;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Storage;
using Spectre.Console;

namespace ProfileHub.Server.Ingestion;

/// <summary>`profilehub import --connector NAME`: runs one connector now, as its scheduled job would, with progress.</summary>
internal static class ImportVerb
{
    public const int FailedExitCode = 1;

    // Wider than any summary table: the table still takes only the width its cells need.
    private const int UnboundedWidth = 1000;

    public static Command Create()
    {
        var connector = new Option<string>("--connector") { Description = "The configured connector to run (ProfileHub:Connectors:NAME).", Required = true };
        var fromStart = new Option<bool>("--from-start") { Description = "Read the source from the beginning instead of the stored watermark (rows already stored are skipped)." };
        var command = new Command("import", "Run one connector once, now, and print what it loaded.") { connector, fromStart };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = ProfileHubHost.BuildVerbHost([.. parse.UnmatchedTokens], builder =>
            {
                builder.AddProfileHubIngestion();

                // The progress display and the summary say what happened; only warnings and errors are logged.
                builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
            });
            var name = parse.GetValue(connector)!;
            if (Unknown(host.Services.GetRequiredService<IReadOnlyList<ConnectorDefinition>>(), name) is { } unknown)
            {
                await Console.Error.WriteLineAsync($"profilehub import: {unknown}");
                return FailedExitCode;
            }

            await host.Services.PrepareDatabaseAsync(cancellationToken);
            await host.Services.SyncConnectorsAsync(cancellationToken);
            return await RunAsync(host.Services.GetRequiredService<IngestionRun>(), name, parse.GetValue(fromStart), cancellationToken);
        });
        return command;
    }

    /// <summary>Why <paramref name="name"/> cannot be run, naming the connectors that can; null when it is configured.</summary>
    private static string? Unknown(IReadOnlyList<ConnectorDefinition> configured, string name)
    {
        if (configured.Any(c => c.Name == name))
        {
            return null;
        }

        return configured.Count == 0
            ? $"no connector named '{name}' is configured: {ConnectorDefinition.Section} is empty."
            : $"no connector named '{name}' is configured; the configured ones are: {string.Join(", ", configured.Select(c => c.Name).Order(StringComparer.Ordinal))}.";
    }

    private static async Task<int> RunAsync(IngestionRun ingestion, string connector, bool fromStart, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;

        // Piped or redirected, Spectre assumes an 80-column terminal and cuts the table's cells ("connec…"):
        // written to a file, the table takes the width its columns need.
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = UnboundedWidth;
        }

        try
        {
            var summary = await console.Status().StartAsync($"Importing {connector}...", async status =>
            {
                var progress = new Progress<IngestionSummary>(s => status.Status(
                    $"Importing {connector}: {s.RowsRead:N0} rows read, {s.Accepted:N0} new, {s.Duplicates:N0} duplicates, {s.Quarantined:N0} quarantined"));
                return await ingestion.ExecuteAsync(connector, progress, cancellationToken, fromStart);
            });
            var table = new Table().AddColumns("connector", "run", "rows read", "records new/changed", "touchpoints new", "duplicates", "quarantined", "seconds", "rows/s");
            table.AddRow(
                Markup.Escape(summary.Connector), N(summary.RunId), N(summary.RowsRead), N(summary.RecordsWritten), N(summary.TouchpointsInserted),
                N(summary.Duplicates), N(summary.Quarantined), summary.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture), N((long)summary.RowsPerSecond));
            console.Write(table);

            // One plain line for scripts (bench/ingest-segment.sh): ingestion time only, without start-up.
            await Console.Out.WriteLineAsync(FormattableString.Invariant(
                $"imported: connector={summary.Connector} read={summary.RowsRead} new={summary.Accepted} duplicates={summary.Duplicates} quarantined={summary.Quarantined} held_back={summary.HeldBack} seconds={summary.Elapsed.TotalSeconds:F2} rows_per_second={summary.RowsPerSecond:F0}"));
            return 0;
        }
#pragma warning disable CA1031 // The verb's contract is a one-line reason and a non-zero exit code, whatever failed.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"profilehub import: connector {connector} failed: {e.Message}");
            return FailedExitCode;
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
