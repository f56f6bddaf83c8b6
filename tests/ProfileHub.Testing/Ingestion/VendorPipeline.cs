using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Ingestion;

namespace ProfileHub.Testing;

/// <summary>Runs a vendor source through the real pipeline, with HTTP retries when a test needs them.</summary>
public static class VendorPipeline
{
    public static Task<IngestionSummary> RunAsync(this TestDatabase database, string connector, IConnectorSource source, int httpRetries)
    {
        var pipeline = new IngestionRun(
            database.Provider,
            new ConnectorSourceRegistry([source]),
            new FixedClock(IngestionHarness.T0),
            NullLoggerFactory.Instance,
            new IngestionOptions { HttpRetries = httpRetries, HttpRetryDelay = TimeSpan.FromMilliseconds(20) });
        return pipeline.ExecuteAsync(connector, null, CancellationToken.None);
    }

    public static async Task<string?> StateAsync(this TestDatabase database, string connector)
    {
        await using var db = database.CreateContext();
        return (await db.Connectors.SingleAsync(c => c.Name == connector)).State;
    }

    public static async Task<List<QuarantinedRow>> QuarantineAsync(this TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.QuarantinedRows.OrderBy(q => q.Id).ToListAsync();
    }
}
