using System.CommandLine;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Storage;

namespace ProfileHub.Server.Matching;

/// <summary>`profilehub match [--rebuild]`: match the new and changed source records into golden profiles.</summary>
internal static class MatchVerb
{
    public static Command Create()
    {
        var rebuild = new Option<bool>("--rebuild") { Description = "re-resolve every record and retrain the model instead of matching only new and changed records" };
        var command = new Command("match", "Match new and changed source records into golden profiles.") { rebuild };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = ProfileHubHost.BuildVerbHost([.. parse.UnmatchedTokens]);
            await host.Services.PrepareDatabaseAsync(cancellationToken);
            var runner = ActivatorUtilities.CreateInstance<MatchRunner>(host.Services);
            var summary = await runner.RunAsync(parse.GetValue(rebuild), cancellationToken);
            await Console.Out.WriteLineAsync($"records processed: {summary.RecordsProcessed}");
            await Console.Out.WriteLineAsync($"profiles created: {summary.ProfilesCreated}");
            await Console.Out.WriteLineAsync($"profiles merged: {summary.ProfilesMerged}");
            await Console.Out.WriteLineAsync($"profiles touched: {summary.ProfilesTouched}");
            await Console.Out.WriteLineAsync($"review items queued: {summary.ReviewItemsQueued}");
            await Console.Out.WriteLineAsync($"mode: {(summary.Rebuilt ? "rebuild" : "incremental")}");
            return 0;
        });
        return command;
    }
}
