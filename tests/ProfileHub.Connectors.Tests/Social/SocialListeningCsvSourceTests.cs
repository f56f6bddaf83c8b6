using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Social;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Social;

/// <summary>A social-listening export read through a column mapping.</summary>
public sealed class SocialListeningCsvSourceTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task Mapped_columns_give_mentions_and_direct_messages_with_weak_author_records()
    {
        _files.Write("mentions.csv", """
            Mention ID,Network,Author Handle,Author Name,Content,Published,Kind,Link
            m-1,Twitter,@ana_s,Ana S.,Loving the new range,2026-03-03 10:00:00,Mention,https://x.example/m-1
            m-2,Instagram,ana.souza,Ana Souza,Where is my order?,2026-03-03T11:00:00Z,DM,
            m-3,Twitter,@bo,Bo,Meh,yesterday,Mention,
            m-4,Twitter,@cy,Cy,Hi,2026-03-03T12:00:00Z,Retweet,
            """);

        var batch = Assert.Single(await ReadAsync("""
            "columns":{"id":"Mention ID","platform":"Network","author_id":"Author Handle","author_name":"Author Name","text":"Content","created_at":"Published","type":"Kind","url":"Link"}
            """));

        Assert.Equal(["twitter:m-1 mention twitter:@ana_s", "instagram:m-2 direct_message instagram:ana.souza"], batch.Touchpoints.Select(t => $"{t.SourceEventId} {t.Type} {t.SourceKey}"));
        Assert.Equal(["twitter:@ana_s Ana S.", "instagram:ana.souza Ana Souza"], batch.Records.Select(r => $"{r.SourceKey} {r.FullName}"));
        Assert.All(batch.Records, r => Assert.Equal(IdentifierKind.SocialHandle, Assert.Single(r.Identifiers).Kind));
        Assert.Equal(["mentions.csv:4", "mentions.csv:5"], batch.Rejected.Select(r => r.Position));
        Assert.StartsWith("unknown interaction type 'Retweet'", batch.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal(4, batch.RowsRead);
    }

    public void Dispose() => _files.Dispose();

    private Task<List<SourceBatch>> ReadAsync(string extra) =>
        VendorRead.AllAsync(new SocialListeningCsvSource(Mapping.Shared), VendorRead.Context(ConnectorKind.Social, VendorRead.PathSettings(_files.Directory, extra.Trim())));
}
