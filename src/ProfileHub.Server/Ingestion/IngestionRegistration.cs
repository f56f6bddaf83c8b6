using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Server.Ingestion;

internal static class IngestionRegistration
{
    /// <summary>Connector sources, the pipeline that runs them, and the configured connectors.</summary>
    public static void AddProfileHubIngestion(this IHostApplicationBuilder builder)
    {
        var connectors = ConnectorDefinition.Read(builder.Configuration);
        builder.Services.AddSingleton<IReadOnlyList<ConnectorDefinition>>(connectors);
        builder.Services.AddConnectorSources();

        // Each connector's relative paths resolve where its configuration says (ConnectorDefinition.BaseDirectoryOf).
        builder.Services.AddSingleton(new IngestionOptions { BaseDirectories = connectors.ToDictionary(c => c.Name, c => c.BaseDirectory, StringComparer.Ordinal) });
        builder.Services.AddSingleton<IngestionRun>();
        builder.Services.AddHostedService<ConnectorSyncService>();
    }
}
