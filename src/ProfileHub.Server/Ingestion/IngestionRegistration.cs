using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Server.Ingestion;

internal static class IngestionRegistration
{
    /// <summary>Connector sources, the pipeline that runs them, and the configured connectors.</summary>
    public static void AddProfileHubIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IReadOnlyList<ConnectorDefinition>>(ConnectorDefinition.Read(builder.Configuration));
        builder.Services.AddConnectorSources();

        // Relative paths in connector settings resolve against the working directory, like ./data/.
        builder.Services.AddSingleton(new IngestionOptions { BaseDirectory = Directory.GetCurrentDirectory() });
        builder.Services.AddSingleton<IngestionRun>();
        builder.Services.AddHostedService<ConnectorSyncService>();
    }
}
