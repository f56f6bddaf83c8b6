using System.CommandLine;
using ProfileHub.Server.Access;
using ProfileHub.Server.Api;
using ProfileHub.Server.Health;
using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Matching;
using ProfileHub.Server.Scheduling;
using ProfileHub.Server.Segments;
using ProfileHub.Server.Storage;
using ProfileHub.Server.Web;
using ProfileHub.Server.Web.Inbound;

namespace ProfileHub.Server.Hosting;

/// <summary>`profilehub serve` (the default verb): migrates the database, then serves HTTP until stopped.</summary>
internal static partial class ServeVerb
{
    public static void AddTo(RootCommand root)
    {
        var serve = new Command("serve", "Serve the GraphQL API and health endpoints (the default).");
        foreach (var command in new Command[] { root, serve })
        {
            // Unmatched tokens (--urls, --ProfileHub:Database:Provider=...) are ASP.NET configuration.
            command.TreatUnmatchedTokensAsErrors = false;
            command.SetAction((parse, cancellationToken) => RunAsync([.. parse.UnmatchedTokens], cancellationToken));
        }

        root.Subcommands.Add(serve);
    }

    private static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(ProfileHubHost.WebOptions(args));
        builder.UseDefaultUrlsUnlessConfigured();

        // A failed start is reported once, by StartupErrors (or as the unhandled exception it is): the host's own
        // "Hosting failed to start" log would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.AddProfileHubCore();
        builder.Services.AddProfileHubHealth();
        builder.Services.AddProfileHubAccess();
        builder.AddProfileHubIngestion();
        builder.Services.AddProfileHubMatching();
        builder.AddProfileHubSegments();
        builder.AddProfileHubScheduling();
        builder.Services.AddProfileHubWeb();
        builder.Services.AddProfileHubApi();

        await using var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProfileHub");
        app.Services.CheckInboundConnectors(logger);
        await app.Services.PrepareDatabaseAsync(cancellationToken);
        await DevelopmentKey.CreateIfFirstStartAsync(app.Services, cancellationToken);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapProfileHubHealth();
        app.MapProfileHubAccess();
        app.MapProfileHubWeb();
        app.MapProfileHubApi();

        app.Lifetime.ApplicationStarted.Register(() =>
            LogServing(logger, app.Services.DescribeDatabase(), string.Join(", ", app.Urls)));
        await app.RunAsync(cancellationToken);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ProfileHub is serving {Database} at {Urls}")]
    private static partial void LogServing(ILogger logger, string database, string urls);
}
