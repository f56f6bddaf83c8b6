using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Storage;
using ProfileHub.Storage;

namespace ProfileHub.Server.Privacy;

/// <summary>
/// `profilehub subject export --email ADDRESS [--output FILE]`: everything ProfileHub holds about the person who
/// uses the address (<see cref="SubjectAccess"/>), as indented JSON on stdout or in FILE. Like `audience
/// export`, an operator's command on the database itself, outside the API's keys.
/// </summary>
internal static class SubjectVerb
{
    public const int UsageExitCode = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "An email address of the person (normalized as ingestion does).", Required = true };
        var output = new Option<string?>("--output") { Description = "The file to write (default: stdout)." };
        var export = new Command("export", "Write everything held about a person as JSON (GDPR art. 15).") { email, output };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction(async (parse, cancellationToken) =>
        {
            using var host = ProfileHubHost.BuildVerbHost([.. parse.UnmatchedTokens]);
            await host.Services.PrepareDatabaseAsync(cancellationToken);
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<ProfileHubDbContext>>().CreateDbContextAsync(cancellationToken);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            try
            {
                var document = await SubjectAccess.ExportAsync(db, parse.GetValue(email)!, now, cancellationToken);
                var text = document.ToJsonString(Indented);
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file, text + "\n", cancellationToken);
                }
                else
                {
                    await Console.Out.WriteLineAsync(text);
                }

                await Console.Error.WriteLineAsync($"subject export: profiles={document["profiles"]!.AsArray().Count} records={document["records"]!.AsArray().Count}");
                return 0;
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"profilehub subject export: {e.Message}");
                return UsageExitCode;
            }
        });
        return new Command("subject", "A data subject's requests.") { export };
    }
}
