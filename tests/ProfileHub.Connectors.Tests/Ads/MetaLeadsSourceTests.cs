using ProfileHub.Connectors.Ads;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Ads;

/// <summary>Lead Ads submissions from the Graph API `leads` edge JSON and from the Ads Manager CSV download.</summary>
public sealed class MetaLeadsSourceTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task A_leads_edge_response_gives_a_record_with_plaintext_pii_and_a_lead_touchpoint()
    {
        _files.Write("leads.json", """
            {"data":[
              {"created_time":"2026-03-01T17:46:54+0000","id":"444","ad_id":"6001","form_id":"7001","field_data":[
                {"name":"full_name","values":["Ana Souza"]},{"name":"email","values":["ANA@example.com"]},
                {"name":"phone_number","values":["+1 415 555 0134"]},{"name":"zip_code","values":["94107"]},{"name":"date_of_birth","values":["04/05/1990"]}]},
              {"created_time":"2026-03-01T18:00:00+0000","id":"445","ad_id":"6001","form_id":"7001","field_data":[]},
              {"created_time":"not a time","id":"446","field_data":[{"name":"email","values":["x@example.com"]}]}
            ],"paging":{"cursors":{"before":"b","after":"a"}}}
            """);

        var batch = Assert.Single(await ReadAsync());

        var ana = Assert.Single(batch.Records);
        Assert.Equal(("lead:444", "Ana Souza", "94107", new DateOnly(1990, 4, 5)), (ana.SourceKey, ana.FullName, ana.Address.PostalCode, ana.BirthDate));
        Assert.Equal(["Email:ana@example.com", "Phone:+14155550134"], ana.Identifiers.Select(i => $"{i.Kind}:{i.Normalized}"));
        var lead = Assert.Single(batch.Touchpoints);
        Assert.Equal(("lead:444", "lead", new DateTimeOffset(2026, 3, 1, 17, 46, 54, TimeSpan.Zero)), (lead.SourceEventId, lead.Type, lead.OccurredAt));
        Assert.Contains("\"form_id\":\"7001\"", lead.Properties, StringComparison.Ordinal);
        Assert.Equal(["no field_data", "missing or unreadable created_time 'not a time'"], batch.Rejected.Select(r => r.Reason));
        Assert.Equal(["leads.json, lead 2", "leads.json, lead 3"], batch.Rejected.Select(r => r.Position));
    }

    [Fact]
    public async Task The_CSV_download_reads_every_non_metadata_column_as_a_form_answer()
    {
        _files.Write("leads.csv", """
            id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,form_id,form_name,is_organic,platform,email,full_name,phone_number,city
            l:555,2026-03-02T09:00:00+01:00,6002,Spring,5002,Set,4002,Camp,7002,Form,false,ig,bo@example.org,Bo Stone,(415) 555-0199,Oakland
            l:556,2026-03-02T09:05:00+01:00,6002,Spring,5002,Set,4002,Camp,7002,Form,false,ig
            """);

        var batch = Assert.Single(await ReadAsync());

        var bo = Assert.Single(batch.Records);
        Assert.Equal(("lead:l:555", "Bo Stone", "Oakland"), (bo.SourceKey, bo.FullName, bo.Address.City));
        Assert.Equal(["Email:bo@example.org", "Phone:+14155550199"], bo.Identifiers.Select(i => $"{i.Kind}:{i.Normalized}"));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), Assert.Single(batch.Touchpoints).OccurredAt);
        Assert.Equal(("leads.csv:3", "expected 16 fields, found 12"), (batch.Rejected[0].Position, batch.Rejected[0].Reason));
    }

    public void Dispose() => _files.Dispose();

    private Task<List<SourceBatch>> ReadAsync() =>
        VendorRead.AllAsync(new MetaLeadsSource(Mapping.Shared), VendorRead.Context(ConnectorKind.Ads, VendorRead.PathSettings(_files.Directory, "\"defaultRegion\":\"US\"")));
}
