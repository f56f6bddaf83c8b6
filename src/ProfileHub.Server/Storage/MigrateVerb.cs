using System.CommandLine;
using ProfileHub.Server.Hosting;

namespace ProfileHub.Server.Storage;

/// <summary>`profilehub migrate`: applies pending schema migrations and exits (serve also does this at start-up).</summary>
internal static class MigrateVerb
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations and exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = ProfileHubHost.BuildVerbHost([.. parse.UnmatchedTokens]);
            await host.Services.PrepareDatabaseAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
