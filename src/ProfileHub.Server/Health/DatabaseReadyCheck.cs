using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProfileHub.Storage.Migrations;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Server.Health;

internal sealed class DatabaseReadyCheck(StorageProvider provider, Migrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrator.PendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{provider.Describe()}, schema at {migrator.Scripts[^1].FileName}")
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations pending, first {pending[0].FileName}");
        }
        catch (Exception e) when (e is DbException or MigrationException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{provider.Describe()} is not usable: {e.Message}");
        }
    }
}
