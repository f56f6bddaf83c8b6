using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Email;

/// <summary>Event Webhook posts archived as files: read as the webhook's stored posts are, once per file.</summary>
public sealed class SendGridEventFileSourceTests : IDisposable
{
    private const string Post = """
        [
          {"email":"Jane.Doe@Example.com","timestamp":1767261600,"event":"delivered","sg_event_id":"d-1","sg_message_id":"m-1","category":"newsletter"},
          {"email":"jane.doe@example.com","timestamp":1767265200,"event":"open","sg_event_id":"o-1","sg_message_id":"m-1"},
          {"email":"jane.doe@example.com","timestamp":1767268800,"event":"unsubscribe","sg_event_id":"u-1","sg_message_id":"m-1"},
          {"email":"jane.doe@example.com","timestamp":1767268800,"event":"opened-ish","sg_event_id":"x-1"}
        ]
        """;

    private readonly TempFiles _files = new();

    [Fact]
    public async Task Each_archived_post_gives_touchpoints_the_recipient_and_consent_and_is_read_once()
    {
        _files.Write("2026-01.json", Post);

        var batch = Assert.Single(await ReadAsync());
        var again = await ReadAsync(batch.WatermarkAfter);

        Assert.Equal(["delivered", "open", "unsubscribe"], batch.Touchpoints.Select(t => t.Type));
        Assert.All(batch.Touchpoints, t => Assert.Equal("jane.doe@example.com", t.SourceKey));
        Assert.Contains(batch.Records, r => r.Consents.Any(c => c.Status == ConsentStatus.Unsubscribed));
        Assert.Equal("2026-01.json, event 4", Assert.Single(batch.Rejected).Position);
        Assert.Empty(again);
    }

    public void Dispose() => _files.Dispose();

    private Task<List<SourceBatch>> ReadAsync(string? watermark = null) =>
        VendorRead.AllAsync(new SendGridEventFileSource(Mapping.Shared), VendorRead.Context(ConnectorKind.Email, VendorRead.PathSettings(_files.Directory)), watermark);
}
