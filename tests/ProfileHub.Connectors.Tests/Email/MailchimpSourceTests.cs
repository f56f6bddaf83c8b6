using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Email;

/// <summary>Mailchimp audience exports (CSV per status) and the Marketing API's members JSON.</summary>
public sealed class MailchimpSourceTests : IDisposable
{
    private const string Subscribed = """"
        Email Address,First Name,Last Name,Address,Phone Number,Birthday,Email,Customized Online Advertising,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS
        Jane.Doe@Example.com,Jane,Doe,"12 High St  Flat 2  Leeds  West Yorkshire  LS1 4AP  GB",07700 900123,03/15,Y,N,4,2025-01-02 10:00:00,,2025-01-02 10:05:00,,,,,,,GB,,2025-06-01 08:00:00,101,abc,,"""vip"""
        ,NoEmail,Person,,,,,,2,,,,,,,,,,,,2025-06-01 08:00:00,102,abd,,
        "broken,Quote,Row,,,,,,,,,,,,,,,,,,,,,,
        """";

    private const string Unsubscribed = """
        Email Address,First Name,Last Name,Address,Phone Number,Birthday,MEMBER_RATING,OPTIN_TIME,UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,UNSUB_REASON,UNSUB_REASON_OTHER,LAST_CHANGED,LEID
        sam@example.org,Sam,Lee,,,,2,2024-01-01 00:00:00,2025-05-05 12:00:00,Spring Sale,c1,NO_LONGER_INTERESTED,,2025-05-05 12:00:00,103
        """;

    private const string ApiMembers = """
        {"members":[
          {"id":"62eeb292278cc15f5817cb78f7790b08","email_address":"kim@example.net","status":"cleaned","merge_fields":{"FNAME":"Kim","LNAME":"Ng","ADDRESS":{"addr1":"5 Elm Rd","addr2":"","city":"Austin","state":"TX","zip":"73301","country":"US"},"PHONE":"(512) 555-0100","BIRTHDAY":"11/02"},"marketing_permissions":[{"marketing_permission_id":"p1","text":"Email","enabled":false}],"last_changed":"2025-04-01T09:00:00+00:00"},
          {"id":"x","email_address":"lee@example.net","status":"archived?","merge_fields":{}},
          {"id":"y","email_address":"mo@example.net","status":"pending","merge_fields":{"FNAME":""},"last_changed":"2025-04-02T09:00:00+00:00"}
        ],"list_id":"abc123","total_items":3}
        """;

    private readonly TempFiles _files = new();

    [Fact]
    public async Task The_subscribed_export_gives_names_phone_address_birthday_and_each_marketing_permission()
    {
        _files.Write("subscribed_members_export_abc.csv", Subscribed);

        var batch = Assert.Single(await ReadAsync("\"permissionColumns\":[\"Email\",\"Customized Online Advertising\"],\"defaultRegion\":\"GB\""));

        var jane = Assert.Single(batch.Records);
        Assert.Equal(("jane.doe@example.com", "Jane", "Doe", "03/15"), (jane.SourceKey, jane.FirstName, jane.LastName, jane.BirthDateRaw));
        Assert.Equal(("12 High St", "Flat 2", "Leeds", "West Yorkshire", "LS1 4AP", "GB"), (jane.Address.Street, jane.Address.AddressLine2, jane.Address.City, jane.Address.Region, jane.Address.PostalCode, jane.Address.Country));
        Assert.Contains(jane.Identifiers, i => i.Kind == IdentifierKind.Phone && i.Normalized == "+447700900123");
        Assert.Equal(
            ["Ads Denied mailchimp-permission:Customized Online Advertising", "Email Granted ", "Email Granted mailchimp-permission:Email"],
            jane.Consents.Select(c => $"{c.Channel} {c.Status} {c.Scope}").Order(StringComparer.Ordinal));
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero), jane.ObservedAt);
        Assert.Equal(["subscribed_members_export_abc.csv:3", "subscribed_members_export_abc.csv:4"], batch.Rejected.Select(r => r.Position));
        Assert.Equal("missing Email Address", batch.Rejected[0].Reason);
        Assert.Contains("unterminated quote", batch.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal(3, batch.RowsRead);
    }

    [Fact]
    public async Task The_unsubscribed_export_records_an_unsubscribe_at_its_time()
    {
        _files.Write("unsubscribed_members_export_abc.csv", Unsubscribed);

        var sam = Assert.Single(Assert.Single(await ReadAsync()).Records);

        var consent = Assert.Single(sam.Consents);
        Assert.Equal((ConsentChannel.Email, ConsentStatus.Unsubscribed), (consent.Channel, consent.Status));
        Assert.Equal(new DateTimeOffset(2025, 5, 5, 12, 0, 0, TimeSpan.Zero), consent.ObservedAt);
    }

    [Fact]
    public async Task API_members_map_status_merge_fields_and_permissions_and_an_unknown_status_is_rejected()
    {
        _files.Write("members.json", ApiMembers);

        var batch = Assert.Single(await ReadAsync("\"defaultRegion\":\"US\""));

        Assert.Equal(["kim@example.net", "mo@example.net"], batch.Records.Select(r => r.SourceKey));
        var kim = batch.Records[0];
        Assert.Equal(("Kim", "Austin", "73301"), (kim.FirstName, kim.Address.City, kim.Address.PostalCode));
        Assert.Null(kim.Address.AddressLine2);
        Assert.Contains(kim.Identifiers, i => i.Kind == IdentifierKind.Phone && i.Normalized == "+15125550100");
        Assert.Equal(["Email Cleaned ", "Email Denied mailchimp-permission:p1"], kim.Consents.Select(c => $"{c.Channel} {c.Status} {c.Scope}"));
        Assert.Equal(ConsentStatus.Denied, Assert.Single(batch.Records[1].Consents).Status);
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(("members.json, member 2", "unknown status 'archived?'"), (rejected.Position, rejected.Reason));
    }

    [Fact]
    public async Task An_export_already_read_is_not_read_again_until_it_changes()
    {
        _files.Write("unsubscribed_members_export_abc.csv", Unsubscribed);
        var first = Assert.Single(await ReadAsync());

        Assert.Empty(await ReadAsync(watermark: first.WatermarkAfter));
        _files.Append("unsubscribed_members_export_abc.csv", "\nray@example.org,Ray,Fox,,,,1,,2025-05-06 12:00:00,,,,,2025-05-06 12:00:00,104\n");
        Assert.Equal(2, Assert.Single(await ReadAsync(watermark: first.WatermarkAfter)).Records.Count);
    }

    public void Dispose() => _files.Dispose();

    private Task<List<SourceBatch>> ReadAsync(string extra = "", string? watermark = null) =>
        VendorRead.AllAsync(new MailchimpSource(Mapping.Shared), VendorRead.Context(ConnectorKind.Email, VendorRead.PathSettings(_files.Directory, extra)), watermark);
}
