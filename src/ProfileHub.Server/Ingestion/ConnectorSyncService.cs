namespace ProfileHub.Server.Ingestion;

/// <summary>Syncs the configured connectors when the host starts, before the scheduler's hosted service.</summary>
internal sealed class ConnectorSyncService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.SyncConnectorsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
