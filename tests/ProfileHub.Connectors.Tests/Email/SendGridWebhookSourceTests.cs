using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Email;

/// <summary>SendGrid Event Webhook batches (the documented event shapes) turned into touchpoints and consent records.</summary>
public sealed class SendGridWebhookSourceTests
{
    private const string Batch = SendGridSamples.Batch;

    [Fact]
    public async Task Engagement_events_become_touchpoints_keyed_by_sg_event_id_and_delivery_plumbing_does_not()
    {
        var batch = Assert.Single(await ReadAsync(Batch));

        Assert.Equal(
            ["ev-blocked bounce cy@example.net", "ev-bounce bounce bo@example.org", "ev-click click ana@example.com", "ev-del delivered ana@example.com", "ev-gu group_unsubscribe ana@example.com", "ev-open open ana@example.com", "ev-spam spamreport cy@example.net"],
            batch.Touchpoints.Select(t => $"{t.SourceEventId} {t.Type} {t.SourceKey}").Order(StringComparer.Ordinal));
        var click = batch.Touchpoints.Single(t => t.Type == "click");
        Assert.Contains("https://shop.example.com/sale", click.Properties, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772705000), click.OccurredAt);
        Assert.Contains("\"category\":\"spring\"", batch.Touchpoints.Single(t => t.Type == "open").Properties, StringComparison.Ordinal);
        Assert.Equal(8, batch.RowsRead);
    }

    [Fact]
    public async Task Unsubscribes_spam_reports_and_hard_bounces_are_consent_records_per_scope_and_a_blocked_bounce_is_not()
    {
        var batch = Assert.Single(await ReadAsync(Batch));

        var consents = batch.Records.Where(r => r.Consents.Count > 0)
            .Select(r => $"{r.SourceKey} {r.Consents[0].Status} {r.Consents[0].Scope}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            ["ana@example.com|group:42 Unsubscribed group:42", "bo@example.org|email Bounced ", "cy@example.net|email SpamReported "],
            consents);
        Assert.Equal(["ana@example.com", "bo@example.org", "cy@example.net"], batch.Records.Where(r => r.Consents.Count == 0).Select(r => r.SourceKey).Order(StringComparer.Ordinal));
        Assert.All(batch.Records, r => Assert.Equal(IdentifierKind.Email, Assert.Single(r.Identifiers).Kind));
    }

    [Fact]
    public async Task An_event_SendGrid_resends_in_a_later_post_is_read_once_per_post_and_keyed_the_same()
    {
        const string resend = """[{"email":"ana@example.com","timestamp":1772704900,"event":"open","sg_event_id":"ev-open","sg_message_id":"m1.filter"}]""";

        var batches = await ReadAsync(resend, resend);

        var batch = Assert.Single(batches);
        Assert.Equal(2, batch.RowsRead);
        Assert.Equal("ev-open", Assert.Single(batch.Touchpoints).SourceEventId);
        Assert.Equal([1L, 2L], batch.InboundPayloadIds);
        Assert.Equal("2", batch.WatermarkAfter);
    }

    [Fact]
    public async Task A_malformed_post_and_events_missing_fields_or_of_unknown_type_are_rejected_with_their_position()
    {
        const string bad = """[{"email":"ana@example.com","timestamp":"yesterday","event":"open","sg_event_id":"x1"},{"email":"ana@example.com","timestamp":1,"event":"opened","sg_event_id":"x2"},{"timestamp":1,"event":"open","sg_event_id":"x3"},{"email":"not-an-address","timestamp":1,"event":"open","sg_event_id":"x4"}]""";

        var batch = Assert.Single(await ReadAsync("[{\"email\":\"ana@example.com\",\"timest", bad));

        Assert.Equal(
            ["webhook payload 1", "webhook payload 2, event 1", "webhook payload 2, event 2", "webhook payload 2, event 3", "sg_event_id x4"],
            batch.Rejected.Select(r => r.Position));
        Assert.StartsWith("malformed JSON batch", batch.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("wrong type", batch.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal("unknown event type 'opened'", batch.Rejected[2].Reason);
        Assert.Equal("missing email", batch.Rejected[3].Reason);
        Assert.Empty(batch.Touchpoints);
        Assert.Equal(5, batch.RowsRead);
    }

    private static Task<List<SourceBatch>> ReadAsync(params string[] posts) =>
        VendorRead.AllAsync(new SendGridWebhookSource(Mapping.Shared), VendorRead.Context(ConnectorKind.Email, "{}", new VendorRead.InboundList(posts)));
}
