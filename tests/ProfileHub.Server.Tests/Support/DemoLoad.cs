using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Matching;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// Loads the demo as the shipped configuration does (every connector of src/ProfileHub.Server/appsettings.json,
/// over the samples copied beside it) into a test database, then matches: in this process, so that "today" is
/// the test's clock and the ten connectors cost one start-up instead of ten.
/// </summary>
internal static class DemoLoad
{
    /// <summary>Runs every configured connector once (from the start of its files) and an incremental match; returns what the connectors stored.</summary>
    public static async Task<IReadOnlyList<IngestionSummary>> LoadAsync(TestDatabase database, TimeProvider clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProfileHub:Database:Provider"] = database.ProviderName,
            ["ProfileHub:Database:ConnectionString"] = database.ConnectionString,
        });
        builder.AddProfileHubCore();
        builder.Services.AddSingleton(clock);
        builder.AddProfileHubIngestion();
        using var host = builder.Build();
        await host.Services.SyncConnectorsAsync(CancellationToken.None);
        var ingestion = host.Services.GetRequiredService<IngestionRun>();
        var summaries = new List<IngestionSummary>();
        foreach (var connector in host.Services.GetRequiredService<IReadOnlyList<ConnectorDefinition>>())
        {
            summaries.Add(await ingestion.ExecuteAsync(connector.Name, null, CancellationToken.None, fromStart: true));
        }

        await ActivatorUtilities.CreateInstance<MatchRunner>(host.Services).RunAsync(rebuild: false, CancellationToken.None);
        return summaries;
    }
}
