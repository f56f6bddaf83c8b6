using System.Text;
using ProfileHub.Connectors.Ads;
using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Files;
using ProfileHub.Connectors.Loyalty;
using ProfileHub.Connectors.Social;
using ProfileHub.Connectors.Support;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Connectors.Web;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Ingestion;

/// <summary>
/// Every file reader, its file cut at every byte while it is written (multi-byte UTF-8 included: é, ë, 山田 and
/// an emoji, so cuts fall inside characters) and then appended to: see <see cref="ChunkBoundaries"/>.
/// </summary>
public sealed class ChunkBoundaryTests
{
    [Fact]
    public Task Segment_JSON_lines() => ChunkBoundaries.AssertEveryCutAsync(new SegmentComFileSource(Mapping.Shared), ConnectorKind.Web, "events.jsonl", Utf8(
        """{"type":"identify","messageId":"m-1","userId":"u-1","timestamp":"2026-03-01T10:00:00Z","traits":{"email":"zoe@example.com","firstName":"Zoë","lastName":"山田"}}""",
        """{"type":"track","messageId":"m-2","userId":"u-1","event":"Order Completed","timestamp":"2026-03-01T10:05:00Z","properties":{"revenue":"42.50","note":"🙂 café"}}""",
        """{"type":"page","messageId":"m-3","anonymousId":"a-1","timestamp":"2026-03-01T09:59:00Z","name":"Início"}"""));

    [Fact]
    public Task Generic_JSON_lines() => ChunkBoundaries.AssertEveryCutAsync(new JsonLinesFileSource(), ConnectorKind.File, "members.jsonl", Utf8(
        """{"member":"m1","first":"Zoë","email":"zoe@example.com"}""",
        """{"member":"m2","first":"山田 🙂","email":"yamada@example.jp"}""",
        """{"member":"m3","first":"René","email":"rene@example.fr"}"""),
        "\"columns\":{\"member\":\"LoyaltyId\",\"first\":\"FirstName\",\"email\":\"Email\"},\"keyColumn\":\"member\"");

    [Fact]
    public Task Generic_CSV_with_quoted_line_breaks_and_escaped_quotes() => ChunkBoundaries.AssertEveryCutAsync(new CsvFileSource(), ConnectorKind.File, "people.csv", Utf8(
        "id,given,city,mail",
        "r1,Zoë,\"New\nYork\",zoe@example.com",
        "r2,\"山田 \"\"🙂\"\"\",Kyōto,yamada@example.jp",
        "r3,René,Orléans,rene@example.fr"),
        "\"columns\":{\"id\":\"ExternalId\",\"given\":\"FirstName\",\"city\":\"City\",\"mail\":\"Email\"}");

    [Fact]
    public Task Mailchimp_CSV_export() => ChunkBoundaries.AssertEveryCutAsync(new MailchimpSource(Mapping.Shared), ConnectorKind.Email, "subscribed.csv", Utf8(
        "Email Address,First Name,Last Name,LAST_CHANGED",
        "zoe@example.com,Zoë,\"Dü, Jr\",2025-06-01 08:00:00",
        "yamada@example.jp,山田,🙂,2025-06-01 08:00:00"), rereadsWholeFiles: true);

    [Fact]
    public Task Mailchimp_members_JSON() => ChunkBoundaries.AssertEveryCutAsync(new MailchimpSource(Mapping.Shared), ConnectorKind.Email, "members.json", Utf8(
        """{"members":[{"id":"a","email_address":"zoe@example.com","status":"subscribed","merge_fields":{"FNAME":"Zoë","LNAME":"山田 🙂"}}]}"""), rereadsWholeFiles: true);

    [Fact]
    public Task Social_listening_CSV() => ChunkBoundaries.AssertEveryCutAsync(new SocialListeningCsvSource(Mapping.Shared), ConnectorKind.Social, "mentions.csv", Utf8(
        "id,author_id,author_name,text,created_at,type,platform,url",
        "m-1,@zoe,Zoë,\"Loving it, 🙂\",2026-03-03T10:00:00Z,mention,twitter,",
        "m-2,@yamada,山田,\"where is\nmy order?\",2026-03-03T11:00:00Z,dm,instagram,"), rereadsWholeFiles: true);

    [Fact]
    public Task Smile_CSV() => ChunkBoundaries.AssertEveryCutAsync(new LoyaltyCsvSource(Mapping.Shared), ConnectorKind.Loyalty, "members.csv", Utf8(
        "id,first_name,last_name,email,date_of_birth,points_balance,vip_tier,updated_at",
        "31,Zoë,山田,zoe@example.com,1979-12-01,880,Sílver,2026-02-01T10:00:00Z",
        "32,René,🙂,rene@example.fr,,5,,2026-02-01T10:00:00Z"), rereadsWholeFiles: true);

    [Fact]
    public Task Meta_leads_CSV() => ChunkBoundaries.AssertEveryCutAsync(new MetaLeadsSource(Mapping.Shared), ConnectorKind.Ads, "leads.csv", Utf8(
        "id,created_time,form_id,email,full_name",
        "l:1,2026-03-02T09:00:00+01:00,7002,zoe@example.com,Zoë 山田",
        "l:2,2026-03-02T09:05:00+01:00,7002,rene@example.fr,René 🙂"), rereadsWholeFiles: true);

    [Fact]
    public Task Meta_leads_JSON() => ChunkBoundaries.AssertEveryCutAsync(new MetaLeadsSource(Mapping.Shared), ConnectorKind.Ads, "leads.json", Utf8(
        """{"data":[{"created_time":"2026-03-01T17:46:54+0000","id":"444","form_id":"7001","field_data":[{"name":"full_name","values":["Zoë 山田 🙂"]},{"name":"email","values":["zoe@example.com"]}]}]}"""), rereadsWholeFiles: true);

    [Fact]
    public Task Meta_conversions_JSON_lines() => ChunkBoundaries.AssertEveryCutAsync(new MetaConversionsSource(Mapping.Shared), ConnectorKind.Ads, "events.jsonl", Utf8(
        """{"event_name":"Lead","event_id":"e1","event_time":1772704900,"user_data":{"em":"zoe@example.com","external_id":"crm-ë"}}""",
        """{"event_name":"Purchase","event_id":"e2","event_time":1772704950,"user_data":{"external_id":"crm-山田"},"custom_data":{"value":10,"currency":"EUR","note":"🙂"}}"""), rereadsWholeFiles: true);

    [Fact]
    public Task Meta_conversions_JSON_body() => ChunkBoundaries.AssertEveryCutAsync(new MetaConversionsSource(Mapping.Shared), ConnectorKind.Ads, "events.json", Utf8(
        """{"data":[{"event_name":"Purchase","event_id":"e2","event_time":1772704950,"user_data":{"external_id":"crm-山田"},"custom_data":{"value":10,"currency":"EUR","note":"🙂 é"}}]}"""), rereadsWholeFiles: true);

    [Fact]
    public Task Zendesk_export_pages() => ChunkBoundaries.AssertEveryCutAsync(new ZendeskExportFileSource(Mapping.Shared), ConnectorKind.Support, "1-users.json", Utf8(
        """{"users":[{"id":5,"name":"Zoë 山田 🙂","email":"zoe@example.com","role":"end-user","updated_at":"2026-03-01T10:00:00Z"}],"end_of_stream":true}"""), rereadsWholeFiles: true);

    /// <summary>Lines, each ended by a newline, as UTF-8.</summary>
    private static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
}
