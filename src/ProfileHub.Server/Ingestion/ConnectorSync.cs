using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Sources;
using ProfileHub.Storage;

namespace ProfileHub.Server.Ingestion;

/// <summary>Brings the `connectors` table in line with configuration: new ones are added, existing ones updated, state kept.</summary>
internal static partial class ConnectorSync
{
    public static async Task SyncConnectorsAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var definitions = services.GetRequiredService<IReadOnlyList<ConnectorDefinition>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ProfileHub.Connectors");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProfileHubDbContext>();
        var stored = await db.Connectors.ToDictionaryAsync(c => c.Name, StringComparer.Ordinal, cancellationToken);
        foreach (var definition in definitions)
        {
            if (!stored.TryGetValue(definition.Name, out var connector))
            {
                connector = new Connector(definition.Name, definition.Kind, definition.Trust, clock.GetUtcNow());
                db.Connectors.Add(connector);
            }
            else if (connector.Kind != definition.Kind)
            {
                throw new InvalidOperationException(
                    $"{ConnectorDefinition.Section}:{definition.Name} is configured as {definition.Kind} but stored as {connector.Kind}; a connector's kind cannot change (use a new name).");
            }

            connector.ChangeTrust(definition.Trust);
            connector.Format = definition.Format;
            connector.Schedule = definition.Schedule;
            connector.Settings = definition.Settings;
            connector.Enabled = definition.Enabled;
        }

        await db.SaveChangesAsync(cancellationToken);
        LogSynced(logger, definitions.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} connectors configured")]
    private static partial void LogSynced(ILogger logger, int count);
}
