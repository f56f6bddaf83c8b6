using ProfileHub.Connectors.Ads;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Ads;

/// <summary>Conversions API events: hashed identifiers that match ProfileHub's own hashes, value and currency, fbc clicks.</summary>
public sealed class MetaConversionsSourceTests : IDisposable
{
    private static readonly string AnaHash = IdentifierHash.HashEmail(EmailNormalizer.Normalize(" Ana@Example.com ")!);
    private static readonly string PhoneHash = IdentifierHash.HashPhone(PhoneNormalizer.Normalize("+1 (415) 555-0134", "US"));

    private readonly TempFiles _files = new();

    [Fact]
    public async Task A_purchase_with_hashed_user_data_gives_hashed_identifiers_a_valued_conversion_and_the_ad_click()
    {
        _files.Write("events.json", $$$"""
            {"data":[{"event_name":"Purchase","event_time":1772704800,"event_id":"order-991","action_source":"website",
              "user_data":{"em":["{{{AnaHash.ToUpperInvariant()}}}"],"ph":"{{{PhoneHash}}}","fbc":"fb.1.1772700000000.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk"},
              "custom_data":{"value":142.52,"currency":"usd","order_id":"991"}}]}
            """);

        var batch = Assert.Single(await ReadAsync());

        var record = Assert.Single(batch.Records);
        Assert.Equal("em:" + AnaHash, record.SourceKey);
        Assert.Equal(
            [$"HashedEmail:{AnaHash}", $"HashedPhone:{PhoneHash}", "AnonymousId:fb.1.1772700000000.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk"],
            record.Identifiers.Select(i => $"{i.Kind}:{i.Normalized}"));
        var conversion = batch.Touchpoints.Single(t => t.Type == "conversion");
        Assert.Equal(("capi:Purchase:order-991", 142.52m, "USD"), (conversion.SourceEventId, conversion.Amount, conversion.Currency));
        var click = batch.Touchpoints.Single(t => t.Type == "ad_click");
        Assert.Equal(("fbclid:IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk", DateTimeOffset.FromUnixTimeMilliseconds(1772700000000), record.SourceKey), (click.SourceEventId, click.OccurredAt, click.SourceKey));
    }

    [Fact]
    public async Task JSON_lines_with_plaintext_email_external_id_and_bad_lines_load_what_is_readable()
    {
        _files.Write("events.jsonl", """
            {"event_name":"Lead","event_time":1772704900,"user_data":{"em":"ana@example.com","external_id":"crm-77"}}
            {"event_name":"Lead","event_time":
            {"event_name":"Purchase","user_data":{"em":"x"}}
            {"event_name":"Purchase","event_time":"soon"}
            """);

        var batch = Assert.Single(await ReadAsync());

        var record = Assert.Single(batch.Records);
        Assert.Equal("external:crm-77", record.SourceKey);
        Assert.Contains(record.Identifiers, i => i.Kind == IdentifierKind.HashedEmail && i.Normalized == AnaHash);
        var lead = Assert.Single(batch.Touchpoints);
        Assert.Equal("lead", lead.Type);
        Assert.StartsWith("capi:Lead:", lead.SourceEventId, StringComparison.Ordinal);
        Assert.Equal(["events.jsonl:2", "events.jsonl:3", "events.jsonl:4"], batch.Rejected.Select(r => r.Position));
        Assert.Equal("missing event_time", batch.Rejected[1].Reason);
        Assert.StartsWith("wrong type", batch.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.Equal(4, batch.RowsRead);
    }

    [Fact]
    public async Task An_event_without_event_id_gets_the_same_key_every_time_it_is_read()
    {
        const string line = """{"event_name":"Purchase","event_time":1772704900,"user_data":{"external_id":"crm-1"},"custom_data":{"value":10,"currency":"EUR"}}""";
        _files.Write("a.jsonl", line);
        _files.Write("b.jsonl", line);

        var batches = await ReadAsync();

        Assert.Equal(2, batches.Count);
        Assert.Equal(batches[0].Touchpoints[0].SourceEventId, batches[1].Touchpoints[0].SourceEventId);
    }

    public void Dispose() => _files.Dispose();

    private Task<List<SourceBatch>> ReadAsync() =>
        VendorRead.AllAsync(new MetaConversionsSource(Mapping.Shared), VendorRead.Context(ConnectorKind.Ads, VendorRead.PathSettings(_files.Directory)));
}
