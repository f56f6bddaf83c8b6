using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Web;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Web;

/// <summary>Stored tracking API calls processed by the job, on each provider.</summary>
public abstract class SegmentComHttpSourceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string Batch = """{"batch":[{"type":"track","messageId":"dup-1","userId":"u1","event":"Cart Viewed","timestamp":"2026-03-01T10:00:00Z"},{"type":"identify","messageId":"id-1","userId":"u1","traits":{"email":"u1@example.com"}},{"type":"track","userId":"u1"}]}""";

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_resent_batch_with_the_same_message_ids_adds_nothing_and_every_payload_is_marked_processed()
    {
        var connectorId = await database.AddConnectorAsync("segment-api", ConnectorKind.Web, "segment-http");
        await StoreAsync(connectorId, SegmentComEnvelope.Wrap("batch", Batch), SegmentComEnvelope.Wrap("batch", Batch));

        var summary = await database.RunAsync("segment-api", new SegmentComHttpSource(Mapping.Shared));

        Assert.Equal((6, 1, 1), (summary.RowsRead, summary.RecordsWritten, summary.TouchpointsInserted));
        Assert.Equal((2, 2), (summary.Duplicates, summary.Quarantined));
        await using var db = database.CreateContext();
        Assert.True(await db.InboundPayloads.AllAsync(p => p.Processed));
        var quarantined = await db.QuarantinedRows.Select(q => q.Position + " " + q.Reason).Distinct().ToListAsync();
        Assert.All(quarantined, q => Assert.EndsWith("message 3 missing field 'event'", q, StringComparison.Ordinal));
        var touchpoint = await db.Touchpoints.SingleAsync();
        Assert.Equal(("dup-1", "cart_viewed"), (touchpoint.SourceEventId, touchpoint.Type));
        Assert.NotNull(touchpoint.SourceRecordId);
    }

    [Fact]
    public async Task A_single_call_takes_its_type_from_the_endpoint_and_a_stable_message_id_from_the_payload()
    {
        var connectorId = await database.AddConnectorAsync("segment-api", ConnectorKind.Web, "segment-http");
        await StoreAsync(connectorId, SegmentComEnvelope.Wrap("page", """{"anonymousId":"a9","name":"Home","properties":{"path":"/"}}"""));

        await database.RunAsync("segment-api", new SegmentComHttpSource(Mapping.Shared));
        await using (var db = database.CreateContext())
        {
            await db.InboundPayloads.ExecuteUpdateAsync(s => s.SetProperty(p => p.Processed, false));
        }

        var reprocessed = await database.RunAsync("segment-api", new SegmentComHttpSource(Mapping.Shared));

        Assert.Equal((1, 0, 1), (reprocessed.RowsRead, reprocessed.TouchpointsInserted, reprocessed.Duplicates));
        await using var check = database.CreateContext();
        var page = await check.Touchpoints.SingleAsync();
        Assert.Equal(("page_view", "a9", IngestionHarness.T0), (page.Type, page.SourceKey, page.OccurredAt));
        Assert.StartsWith("inbound-", page.SourceEventId, StringComparison.Ordinal);
    }

    private async Task StoreAsync(int connectorId, params string[] bodies)
    {
        await using var db = database.CreateContext();
        foreach (var body in bodies)
        {
            db.InboundPayloads.Add(new InboundPayload(connectorId, body, IngestionHarness.T0));
        }

        await db.SaveChangesAsync();
    }
}

public sealed class SqliteSegmentHttpSourceTests(SqliteTestDatabase database) : SegmentComHttpSourceTests<SqliteTestDatabase>(database);

public sealed class PostgresSegmentHttpSourceTests(PostgresTestDatabase database) : SegmentComHttpSourceTests<PostgresTestDatabase>(database);
