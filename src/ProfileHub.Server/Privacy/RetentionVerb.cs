using System.CommandLine;
using System.Globalization;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Storage;

namespace ProfileHub.Server.Privacy;

/// <summary>`profilehub retention run`: the retention job once, now, with one line per connector purged.</summary>
internal static class RetentionVerb
{
    public static Command Create()
    {
        var run = new Command("run", "Purge every connector's data older than its RetentionDays now, as the scheduled job does.");
        run.TreatUnmatchedTokensAsErrors = false;
        run.SetAction(async (parse, cancellationToken) =>
        {
            using var host = ProfileHubHost.BuildVerbHost([.. parse.UnmatchedTokens], builder =>
            {
                builder.AddProfileHubIngestion();
                builder.AddProfileHubRetention();
            });
            await host.Services.PrepareDatabaseAsync(cancellationToken);
            if (!host.Services.GetRequiredService<IReadOnlyList<ConnectorDefinition>>().Any(c => c.RetentionDays is not null))
            {
                await Console.Error.WriteLineAsync("retention: no connector sets RetentionDays: everything is kept.");
            }

            foreach (var (connector, r) in await host.Services.GetRequiredService<RetentionPurge>().RunAsync(cancellationToken))
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"retention: connector={connector} days={r.RetentionDays} cutoff={r.Cutoff:O} touchpoints={r.Touchpoints} inbound_payloads={r.InboundPayloads} quarantined_rows={r.QuarantinedRows} profiles_recomputed={r.ProfilesRecomputed}"));
            }

            return 0;
        });
        return new Command("retention", "Retention per source (ProfileHub:Connectors:NAME:RetentionDays).") { run };
    }
}
