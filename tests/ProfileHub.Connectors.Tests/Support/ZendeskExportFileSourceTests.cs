using ProfileHub.Connectors.Support;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.SupportChannel;

/// <summary>Zendesk incremental export pages handed over as files.</summary>
public sealed class ZendeskExportFileSourceTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task Saved_users_and_tickets_pages_read_like_the_API_and_an_unknown_page_is_rejected()
    {
        _files.Write("1-users.json", """{"users":[{"id":5,"name":"Ana","email":"ana@example.com","role":"end-user","updated_at":"2026-03-01T10:00:00Z"},{"name":"no id"}],"end_of_stream":true}""");
        _files.Write("2-tickets.json", """{"tickets":[{"id":7,"requester_id":5,"status":"solved","created_at":"2026-03-01T10:00:00Z","updated_at":"2026-03-02T10:00:00Z"}]}""");
        _files.Write("3-organizations.json", """{"organizations":[]}""");

        var batches = await VendorRead.AllAsync(new ZendeskExportFileSource(Mapping.Shared), VendorRead.Context(ConnectorKind.Support, VendorRead.PathSettings(_files.Directory)));

        Assert.Equal(3, batches.Count);
        Assert.Equal("5", Assert.Single(batches[0].Records).SourceKey);
        Assert.Equal(("1-users.json, user 2", "missing id"), (batches[0].Rejected[0].Position, batches[0].Rejected[0].Reason));
        Assert.Equal(["7:opened ticket_opened", "7:1772445600 ticket_solved"], batches[1].Touchpoints.Select(t => $"{t.SourceEventId} {t.Type}"));
        Assert.Equal("3-organizations.json", Assert.Single(batches[2].Rejected).Position);
        Assert.Contains("3-organizations.json", batches[2].WatermarkAfter, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
