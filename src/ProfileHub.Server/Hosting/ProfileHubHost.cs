using ProfileHub.Server.Storage;

namespace ProfileHub.Server.Hosting;

/// <summary>What every verb shares: configuration (appsettings.json, environment, command line), the clock and storage.</summary>
internal static class ProfileHubHost
{
    public const string DefaultUrls = "http://localhost:5000";

    public static void AddProfileHubCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddProfileHubStorage();

        // Read eagerly: a bad matching setting stops start-up, not the first match run an hour later.
        builder.Services.AddSingleton(Matching.MatchingConfiguration.Read(builder.Configuration));
    }

    /// <summary>
    /// appsettings.json is read from beside the executable, so `dotnet run --project src/ProfileHub.Server`
    /// works from any directory; relative data paths still resolve against the working directory (./data/).
    /// </summary>
    public static WebApplicationOptions WebOptions(string[] args) => new()
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
    };

    /// <summary>
    /// Where `serve` listens when nothing says: <see cref="DefaultUrls"/>. The default lives here, not as `Urls`
    /// in appsettings.json, because ASP.NET Core reads ASPNETCORE_URLS (and ASPNETCORE_HTTP_PORTS, which the
    /// .NET container images set) BEFORE appsettings.json, so a `Urls` there silently won over them. The
    /// precedence is now the documented one: --urls, then ASPNETCORE_URLS (or ASPNETCORE_HTTP_PORTS), then this.
    /// </summary>
    public static void UseDefaultUrlsUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"]) && string.IsNullOrEmpty(configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }
    }

    /// <summary>
    /// A host for verbs that run without a web server (migrate, apikey, ...): the same configuration and
    /// services, with every log line on stderr so that stdout carries only the verb's output.
    /// </summary>
    public static IHost BuildVerbHost(string[] args, Action<HostApplicationBuilder>? addArea = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddProfileHubCore();
        addArea?.Invoke(builder);
        return builder.Build();
    }
}
