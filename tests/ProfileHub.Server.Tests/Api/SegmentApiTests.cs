using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Server.Segments;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Api;

/// <summary>
/// Segments and audiences over real HTTP on each database. Besides the scenario's Robert (bought; email
/// unsubscribed, sms granted), Dana and Pablo buy and grant email consent; Pablo has had three emails
/// delivered this week, so the default cap (3 in 7 days) holds him back. Each test uses its own segment names.
/// </summary>
public abstract class SegmentApiTests<TDatabase>(ApiFixture<TDatabase> fixture) : IClassFixture<ApiFixture<TDatabase>>, IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private const string Create = """mutation($n: String!, $r: String!, $s: String) { createSegment(name: $n, rule: $r, schedule: $s) { name rule schedule memberCount } }""";
    private const string Refresh = """mutation($n: String!) { refreshSegment(name: $n) { entered exited members segment { memberCount lastRefreshedAt } } }""";
    private const string Audience = """query($s: String!, $c: ConsentChannel!, $first: Int, $after: String) { audience(segment: $s, channel: $c, first: $first, after: $after) { nodes { profileId email } pageInfo { hasNextPage endCursor } } }""";
    private const string SmsAudience = """query($s: String!, $first: Int, $after: String) { audience(segment: $s, channel: SMS, first: $first, after: $after) { nodes { profileId phone } pageInfo { hasNextPage endCursor } } }""";

    private ApiServer Server => fixture.Server;

    public async Task InitializeAsync()
    {
        await using var db = fixture.Database.CreateContext();
        if (await db.Touchpoints.AnyAsync(t => t.SourceEventId.StartsWith("segtest-")))
        {
            return;
        }

        var now = TimeProvider.System.GetUtcNow();
        var shop = await db.Connectors.Where(c => c.Name == "shop").Select(c => c.Id).SingleAsync();
        var records = await db.SourceRecords.Include(r => r.Identifiers).Where(r => r.SourceKey == "dana" || r.SourceKey == "pablo").ToDictionaryAsync(r => r.SourceKey);
        var i = 0;
        foreach (var (key, delivered) in new[] { ("dana", 2), ("pablo", 3) })
        {
            records[key].AddConsent(ConsentChannel.Email, ConsentStatus.Granted, now.AddDays(-60));
            db.Touchpoints.Add(Touch(shop, ref i, TouchpointChannel.Web, "order_completed", now.AddDays(-20), records[key].Id));
            for (var d = 0; d < delivered; d++)
            {
                db.Touchpoints.Add(Touch(shop, ref i, TouchpointChannel.Email, "delivered", now.AddDays(-1 - d), records[key].Id));
            }
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_email_audience_leaves_out_the_unsubscribed_and_those_over_the_frequency_cap()
    {
        (await Server.PostAsync(Create, new { n = "buyers-email", r = "purchases(last 365 days) >= 1" })).Ok();
        var refreshed = (await Server.PostAsync(Refresh, new { n = "buyers-email" })).Ok().Data.GetProperty("refreshSegment");
        Assert.Equal(3, refreshed.GetProperty("entered").GetInt32());
        Assert.Equal(3, refreshed.GetProperty("segment").GetProperty("memberCount").GetInt32());

        var email = (await Server.PostAsync(Audience, new { s = "buyers-email", c = "EMAIL" }, ApiRole.Segmentation)).Ok();
        var sms = (await Server.PostAsync(SmsAudience, new { s = "buyers-email" }, ApiRole.Segmentation)).Ok();

        Assert.Equal(["dana.whitfield@example.com"], Emails(email));
        Assert.Equal([ApiScenario.Bob.Phone], Nodes(sms).Select(n => n.GetProperty("phone").GetString()));
    }

    [Fact]
    public async Task An_audience_puller_reads_the_contact_point_of_the_channel_it_pulled_and_no_other_personal_data()
    {
        (await Server.PostAsync(Create, new { n = "buyers-contact", r = "purchases(last 365 days) >= 1" })).Ok();
        (await Server.PostAsync(Refresh, new { n = "buyers-contact" })).Ok();
        const string Everything = """{ audience(segment: "buyers-contact", channel: SMS) { nodes { profileId phone email givenName familyName } } }""";

        var segmentation = await Server.PostAsync(Everything, null, ApiRole.Segmentation);
        var admin = (await Server.PostAsync(Everything, null, ApiRole.Admin)).Ok();

        Assert.Equal(["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"], segmentation.ErrorCodes);
        var member = Assert.Single(segmentation.Data.GetProperty("audience").GetProperty("nodes").EnumerateArray());
        Assert.Equal(fixture.Scenario.RobertProfile.ToString(), member.GetProperty("profileId").GetString());
        Assert.Equal(ApiScenario.Bob.Phone, member.GetProperty("phone").GetString());
        Assert.All(["email", "givenName", "familyName"], name => Assert.Equal(JsonValueKind.Null, member.GetProperty(name).ValueKind));
        Assert.Equal("Castellano", Assert.Single(Nodes(admin)).GetProperty("familyName").GetString());
    }

    /// <summary>Issue 14's first probe: a segmentation key asked a preview's sample for emails, phones and names, and got them.</summary>
    [Fact]
    public async Task A_segmentation_key_reads_no_personal_data_through_a_preview_sample()
    {
        var probe = await Server.PostAsync("""mutation { previewSegment(rule: "touchpoints >= 0") { sample { email phone givenName attributes { name value } } } }""", null, ApiRole.Segmentation);
        var ids = (await Server.PostAsync("""mutation { previewSegment(rule: "touchpoints >= 0") { size sample { id } } }""", null, ApiRole.Segmentation)).Ok();

        Assert.NotEmpty(probe.ErrorCodes);
        Assert.All(probe.ErrorCodes, code => Assert.Equal("AUTH_NOT_AUTHORIZED", code));
        Assert.DoesNotContain("@example.", probe.Data.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("+44", probe.Data.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(SegmentActions.SampleSize, ids.Data.GetProperty("previewSegment").GetProperty("sample").GetArrayLength());
    }

    /// <summary>Issue 14's second probe: a rule on email was a lookup that profileByIdentifier refuses the same key.</summary>
    [Fact]
    public async Task A_segmentation_key_may_not_filter_a_rule_on_a_personal_attribute()
    {
        const string Lookup = """mutation($r: String!) { previewSegment(rule: $r) { size } }""";
        var rule = $"touchpoints >= 0 and email = \"{ApiScenario.Robert.Email}\"";

        var preview = await Server.PostAsync(Lookup, new { r = rule }, ApiRole.Segmentation);
        var create = await Server.PostAsync(Create, new { n = "lookup", r = "given_name = \"Robert\"" }, ApiRole.Segmentation);
        var update = await Server.PostAsync("""mutation { createSegment(name: "lookup-later", rule: "touchpoints >= 0") { name } a: updateSegment(name: "lookup-later", rule: "city = \"leeds\"") { rule } }""", null, ApiRole.Segmentation);
        var admin = (await Server.PostAsync(Lookup, new { r = rule }, ApiRole.Admin)).Ok();

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], preview.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, preview.Data.GetProperty("previewSegment").ValueKind);
        var extensions = preview.Body.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(("email", 1, 22), (extensions.GetProperty("token").GetString(), extensions.GetProperty("line").GetInt32(), extensions.GetProperty("column").GetInt32()));
        Assert.Contains("email", preview.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], create.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], update.ErrorCodes);
        Assert.Equal(1, admin.Data.GetProperty("previewSegment").GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task A_segmentation_key_reads_a_rule_another_key_wrote_with_its_personal_values_masked()
    {
        var rule = $"touchpoints >= 0 and email = \"{ApiScenario.Robert.Email}\" and country = \"GB\"";
        (await Server.PostAsync(Create, new { n = "robert-by-email", r = rule }, ApiRole.Admin)).Ok();
        const string Read = """{ segment(name: "robert-by-email") { rule } }""";

        var segmentation = (await Server.PostAsync(Read, null, ApiRole.Segmentation)).Ok();
        var admin = (await Server.PostAsync(Read, null, ApiRole.Admin)).Ok();

        Assert.Equal("touchpoints >= 0 and email = \"…\" and country = \"GB\"", segmentation.Data.GetProperty("segment").GetProperty("rule").GetString());
        Assert.Equal(rule, admin.Data.GetProperty("segment").GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Audience_pages_follow_keyset_cursors_without_gaps_or_repeats()
    {
        (await Server.PostAsync(Create, new { n = "everyone-sms", r = "touchpoints(last 3650 days) >= 0" })).Ok();
        (await Server.PostAsync(Refresh, new { n = "everyone-sms" })).Ok();
        await GrantSmsAsync(5);

        var all = Nodes((await Server.PostAsync(SmsAudience, new { s = "everyone-sms", first = 1000 }, ApiRole.Segmentation)).Ok()).Select(n => n.GetProperty("profileId").GetString()).ToList();
        var paged = new List<string?>();
        string? after = null;
        do
        {
            var page = (await Server.PostAsync(SmsAudience, new { s = "everyone-sms", first = 2, after }, ApiRole.Segmentation)).Ok().Data.GetProperty("audience");
            paged.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("profileId").GetString()));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.True(all.Count >= 6, string.Join(",", all));
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task AudienceChanges_lists_entries_and_exits_since_a_time()
    {
        var start = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        (await Server.PostAsync(Create, new { n = "changes", r = "purchases(last 365 days) >= 1" })).Ok();
        (await Server.PostAsync(Refresh, new { n = "changes" })).Ok();
        (await Server.PostAsync("""mutation { updateSegment(name: "changes", rule: "purchases(last 365 days) >= 1 and consent.email = granted") { rule } }""")).Ok();
        var second = (await Server.PostAsync(Refresh, new { n = "changes" })).Ok().Data.GetProperty("refreshSegment");

        var changes = (await Server.PostAsync(
            """query($since: DateTime!) { audienceChanges(segment: "changes", since: $since, first: 100) { nodes { profileId change at } } }""",
            new { since = start.ToString("O", CultureInfo.InvariantCulture) },
            ApiRole.Segmentation)).Ok().Data.GetProperty("audienceChanges").GetProperty("nodes").EnumerateArray().ToList();

        Assert.Equal((0, 1, 2), (second.GetProperty("entered").GetInt32(), second.GetProperty("exited").GetInt32(), second.GetProperty("members").GetInt32()));
        Assert.Equal(["ENTERED", "ENTERED", "ENTERED", "EXITED"], changes.Select(c => c.GetProperty("change").GetString()));
        Assert.Equal(fixture.Scenario.RobertProfile.ToString(), changes[3].GetProperty("profileId").GetString());
    }

    [Fact]
    public async Task An_invalid_rule_is_refused_with_its_line_and_column()
    {
        var response = await Server.PostAsync(Create, new { n = "broken", r = "purchases(last 30 days) >= 1 and\n  colour = \"red\"" });

        Assert.Equal(["INVALID_RULE"], response.ErrorCodes);
        var extensions = response.Body.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal((2, 3, "colour"), (extensions.GetProperty("line").GetInt32(), extensions.GetProperty("column").GetInt32(), extensions.GetProperty("token").GetString()));
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("createSegment").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await Server.PostAsync("""{ segment(name: "broken") { name } }""")).Ok().Data.GetProperty("segment").ValueKind);
    }

    [Fact]
    public async Task Cycles_unknown_segments_bad_schedules_and_deleting_a_segment_in_use_are_refused()
    {
        (await Server.PostAsync(Create, new { n = "cycle-a", r = "touchpoints >= 1" })).Ok();
        (await Server.PostAsync(Create, new { n = "cycle-b", r = "in_segment(\"cycle-a\")" })).Ok();

        var cycle = await Server.PostAsync("""mutation { updateSegment(name: "cycle-a", rule: "in_segment(\"cycle-b\")") { rule } }""");
        var unknown = await Server.PostAsync(Create, new { n = "cycle-c", r = "in_segment(\"nowhere\")" });
        var schedule = await Server.PostAsync(Create, new { n = "cycle-d", r = "touchpoints >= 1", s = "every morning" });
        var inUse = await Server.PostAsync("""mutation { deleteSegment(name: "cycle-a") }""");

        Assert.Equal(["INVALID_RULE"], cycle.ErrorCodes);
        Assert.Contains("cycle-a -> cycle-b -> cycle-a", cycle.Text, StringComparison.Ordinal);
        Assert.Equal(["INVALID_RULE"], unknown.ErrorCodes);
        Assert.Equal(["INVALID_SCHEDULE"], schedule.ErrorCodes);
        Assert.Equal(["IN_USE"], inUse.ErrorCodes);
        Assert.True((await Server.PostAsync("""mutation { a: deleteSegment(name: "cycle-b") b: deleteSegment(name: "cycle-a") }""")).Ok().Data.GetProperty("b").GetBoolean());
    }

    [Fact]
    public async Task PreviewSegment_returns_the_size_and_a_sample_without_saving()
    {
        var preview = (await Server.PostAsync("""mutation { previewSegment(rule: "email.opened(last 3650 days) and support.poor_rating(last 3650 days) > 0") { size sample { id } } }""", null, ApiRole.Segmentation))
            .Ok().Data.GetProperty("previewSegment");

        Assert.Equal(1, preview.GetProperty("size").GetInt32());
        Assert.Equal(fixture.Scenario.RobertProfile.ToString(), preview.GetProperty("sample")[0].GetProperty("id").GetString());
        Assert.DoesNotContain("previewSegment", (await Server.PostAsync("{ segments { name } }")).Ok().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marketing_keys_may_not_manage_segments_or_pull_audiences()
    {
        var create = await Server.PostAsync(Create, new { n = "not-mine", r = "touchpoints >= 1" }, ApiRole.Marketing);
        var list = await Server.PostAsync("{ segments { name } }", null, ApiRole.Marketing);

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], create.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], list.ErrorCodes);
        Assert.Equal("not-mine-either", (await Server.PostAsync(Create, new { n = "not-mine-either", r = "touchpoints >= 1" }, ApiRole.Segmentation)).Ok()
            .Data.GetProperty("createSegment").GetProperty("name").GetString());
    }

    private static List<string?> Emails(GraphQLResponse response) => [.. Nodes(response).Select(n => n.GetProperty("email").GetString())];

    private static List<JsonElement> Nodes(GraphQLResponse response) => [.. response.Data.GetProperty("audience").GetProperty("nodes").EnumerateArray()];

    private static Touchpoint Touch(int connector, ref int i, TouchpointChannel channel, string type, DateTimeOffset at, long record) =>
        new(connector, "segtest-" + (i++).ToString(CultureInfo.InvariantCulture), channel, type, at, TouchpointRules.Default.Classify(channel, type), at)
        {
            SourceRecordId = record,
        };

    /// <summary>Grants sms consent to the records of <paramref name="count"/> background (crm) profiles, none of the named people.</summary>
    private async Task GrantSmsAsync(int count)
    {
        await using var db = fixture.Database.CreateContext();
        var crm = await db.Connectors.Where(c => c.Name == "crm").Select(c => c.Id).SingleAsync();
        var shop = await db.Connectors.Where(c => c.Name == "shop").Select(c => c.Id).SingleAsync();
        var named = db.Memberships.Join(db.SourceRecords.Where(r => r.ConnectorId == shop), m => m.RecordId, r => r.Id, (m, r) => m.ProfileId);
        var profiles = await db.Memberships.Join(db.SourceRecords.Where(r => r.ConnectorId == crm), m => m.RecordId, r => r.Id, (m, r) => m.ProfileId)
            .Where(p => !named.Contains(p)).Distinct().OrderBy(p => p).Take(count).ToListAsync();
        var records = await db.Memberships.Where(m => profiles.Contains(m.ProfileId)).Select(m => m.RecordId).ToListAsync();
        foreach (var record in await db.SourceRecords.Include(r => r.Identifiers).Where(r => records.Contains(r.Id)).ToListAsync())
        {
            record.AddConsent(ConsentChannel.Sms, ConsentStatus.Granted, TimeProvider.System.GetUtcNow().AddDays(-1));
        }

        await db.SaveChangesAsync();
    }
}

public sealed class SqliteSegmentApiTests(ApiFixture<SqliteTestDatabase> fixture) : SegmentApiTests<SqliteTestDatabase>(fixture);

public sealed class PostgresSegmentApiTests(ApiFixture<PostgresTestDatabase> fixture) : SegmentApiTests<PostgresTestDatabase>(fixture);

public sealed class SqlServerSegmentApiTests(ApiFixture<SqlServerTestDatabase> fixture) : SegmentApiTests<SqlServerTestDatabase>(fixture);
