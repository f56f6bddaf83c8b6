using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Ingestion;

namespace ProfileHub.Testing;

/// <summary>Configures connectors in a test database and runs them through the real pipeline.</summary>
public static class IngestionHarness
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    public static async Task<int> AddConnectorAsync(this TestDatabase database, string name, ConnectorKind kind, string format, string? settings = null)
    {
        await using var db = database.CreateContext();
        var connector = new Connector(name, kind, 50, T0) { Format = format, Settings = settings };
        db.Connectors.Add(connector);
        await db.SaveChangesAsync();
        return connector.Id;
    }

    public static IngestionRun Pipeline(this TestDatabase database, params IConnectorSource[] sources) =>
        new(database.Provider, new ConnectorSourceRegistry(sources), new FixedClock(T0), NullLoggerFactory.Instance,
            new IngestionOptions { HttpRetries = 0 });

    public static Task<IngestionSummary> RunAsync(this TestDatabase database, string connector, params IConnectorSource[] sources) =>
        database.Pipeline(sources).ExecuteAsync(connector, null, CancellationToken.None);

    public static async Task<(int Records, int Touchpoints, int Quarantined)> CountRowsAsync(this TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.SourceRecords.CountAsync(), await db.Touchpoints.CountAsync(), await db.QuarantinedRows.CountAsync());
    }

    /// <summary>Runs a vendor source through the real pipeline, with HTTP retries when a test needs them.</summary>
    public static Task<IngestionSummary> RunAsync(this TestDatabase database, string connector, IConnectorSource source, int httpRetries)
    {
        var pipeline = new IngestionRun(
            database.Provider,
            new ConnectorSourceRegistry([source]),
            new FixedClock(T0),
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
