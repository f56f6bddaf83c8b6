using System.Text.Json;
using ProfileHub.Core.Access;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Api;

/// <summary>The marketing queries over real HTTP against the real server, on each database.</summary>
public abstract class ProfileQueryTests<TDatabase>(ApiFixture<TDatabase> fixture) : IClassFixture<ApiFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private const string ProfileFields = """
        id version status givenName familyName email phone city birthDate
        attributes(names: ["FirstName", "Email"]) { name value ordinal lineage { source sourceRecord { id } observedAt rule pinned } }
        identifiers { kind value normalizedValue source }
        consent { channel status source }
        sourceRecords { id source sourceKey givenName }
        links { record { id } linkedBy score explanation { totalWeight decision summary contributions { attribute level weight } } }
        """;

    private ApiServer Server => fixture.Server;

    private ApiScenario Scenario => fixture.Scenario;

    [Fact]
    public async Task ProfileByIdentifier_normalizes_the_email_and_shows_lineage_identifiers_consent_and_explained_links()
    {
        var response = (await Server.PostAsync(
            $$"""query($v: String!) { profileByIdentifier(kind: EMAIL, value: $v) { {{ProfileFields}} } }""",
            new { v = "  Rob.Castellano@Example.COM " })).Ok();
        var profile = response.Data.GetProperty("profileByIdentifier");

        Assert.Equal(Scenario.RobertProfile.ToString(), profile.GetProperty("id").GetString());
        Assert.Equal("rob.castellano@example.com", profile.GetProperty("email").GetString());
        Assert.Equal("Castellano", profile.GetProperty("familyName").GetString());
        var first = profile.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "FirstName");
        Assert.Equal("shop", first.GetProperty("lineage").GetProperty("source").GetString());
        Assert.StartsWith("rec_", first.GetProperty("lineage").GetProperty("sourceRecord").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Contains(profile.GetProperty("identifiers").EnumerateArray(), i => i.GetProperty("kind").GetString() == "PHONE" && i.GetProperty("normalizedValue").GetString() == "+447700900555");

        // Email: granted on one record, then unsubscribed on the other; the latest statement wins.
        var consent = profile.GetProperty("consent").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("UNSUBSCRIBED", consent["EMAIL"]);
        Assert.Equal("GRANTED", consent["SMS"]);

        var records = profile.GetProperty("sourceRecords").EnumerateArray().Select(r => r.GetProperty("sourceKey").GetString()).Order().ToList();
        Assert.Equal(["bob", "robert"], records);
        // Both records came in the same run: each is held by the link between them.
        var links = profile.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, link =>
        {
            Assert.Equal("RULE", link.GetProperty("linkedBy").GetString());
            var explanation = link.GetProperty("explanation");
            Assert.Equal("LINKED", explanation.GetProperty("decision").GetString());
            Assert.Equal(link.GetProperty("score").GetDouble(), explanation.GetProperty("totalWeight").GetDouble());
            Assert.Contains(explanation.GetProperty("contributions").EnumerateArray(), c => c.GetProperty("attribute").GetString() == "email" && c.GetProperty("weight").GetDouble() > 0);
            Assert.Contains("first name nickname", explanation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Profile_by_id_node_and_nodes_resolve_profiles_records_and_review_items()
    {
        var recordId = $"rec_{Scenario.BobRecord}";
        var response = (await Server.PostAsync(
            """
            query($p: ID!, $r: ID!, $q: ID!) {
              profile(id: $p) { id familyName }
              node(id: $r) { id ... on SourceRecord { sourceKey profile { id } } }
              nodes(ids: [$p, $r, $q]) { __typename id }
            }
            """,
            new { p = Scenario.RobertProfile.ToString(), r = recordId, q = $"rev_{Scenario.ReviewItem}" })).Ok();

        Assert.Equal("Castellano", response.Data.GetProperty("profile").GetProperty("familyName").GetString());
        Assert.Equal("bob", response.Data.GetProperty("node").GetProperty("sourceKey").GetString());
        Assert.Equal(Scenario.RobertProfile.ToString(), response.Data.GetProperty("node").GetProperty("profile").GetProperty("id").GetString());
        Assert.Equal(["Profile", "SourceRecord", "ReviewItem"], response.Data.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("__typename").GetString()));
    }

    [Fact]
    public async Task Unknown_ids_are_null_and_malformed_ids_are_bad_user_input()
    {
        var unknown = (await Server.PostAsync($$"""{ profile(id: "{{Guid.NewGuid()}}") { id } }""")).Ok();
        Assert.Equal(JsonValueKind.Null, unknown.Data.GetProperty("profile").ValueKind);

        var malformed = await Server.PostAsync("""{ profile(id: "not-a-uuid") { id } node(id: "rec_x") { id } }""");
        Assert.Equal(["BAD_USER_INPUT", "BAD_USER_INPUT"], malformed.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, malformed.Data.GetProperty("profile").ValueKind);

        var badPhone = await Server.PostAsync("""{ profileByIdentifier(kind: PHONE, value: "call me") { id } }""");
        Assert.Equal(["BAD_USER_INPUT"], badPhone.ErrorCodes);
    }

    [Fact]
    public async Task Paging_forwards_and_backwards_visits_every_profile_once_in_order()
    {
        const string Query = """
            query($after: String, $before: String, $first: Int, $last: Int) {
              profiles(order: [{ familyName: ASC }, { givenName: DESC }], first: $first, after: $after, last: $last, before: $before) {
                totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id familyName givenName }
              }
            }
            """;
        var forward = new List<JsonElement>();
        string? after = null;
        int total;
        while (true)
        {
            var page = (await Server.PostAsync(Query, new { first = 37, after })).Ok().Data.GetProperty("profiles");
            total = page.GetProperty("totalCount").GetInt32();
            forward.AddRange(page.GetProperty("nodes").EnumerateArray());
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        var ids = forward.Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.True(total > 150, $"the scenario has more than 150 profiles, saw {total}");
        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var names = forward.Select(p => p.GetProperty("familyName").GetString()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names, StringComparer.Ordinal);

        var backward = new List<string?>();
        string? before = null;
        while (true)
        {
            var page = (await Server.PostAsync(Query, new { last = 50, before })).Ok().Data.GetProperty("profiles");
            backward.InsertRange(0, page.GetProperty("nodes").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
            if (!page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean())
            {
                break;
            }

            before = page.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        }

        Assert.Equal(ids, backward);
    }

    [Fact]
    public async Task Filters_cover_names_identifiers_consent_birth_dates_and_sources()
    {
        async Task<List<string?>> FamilyNamesAsync(string where) =>
            [.. (await Server.PostAsync($$"""{ profiles(where: {{where}}, first: 100) { nodes { familyName } } }""")).Ok()
                .Data.GetProperty("profiles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("familyName").GetString())];

        Assert.Equal(["Castellano"], await FamilyNamesAsync("""{ familyName: { eq: "Castellano" } }"""));
        Assert.Equal(["Castellano"], await FamilyNamesAsync("""{ email: { eq: " ROB.castellano@example.com" } }"""));
        Assert.Equal(["Castellano"], await FamilyNamesAsync("""{ phone: { in: ["+44 7700 900555"] } }"""));
        Assert.Equal(["Castellano"], await FamilyNamesAsync("""{ consent: { email: { eq: UNSUBSCRIBED } } }"""));
        Assert.Equal(["Castellano"], await FamilyNamesAsync("""{ familyName: { startsWith: "castel" }, birthDate: { gte: "1979-08-30", lt: "1979-08-31" } }"""));
        Assert.Contains("Castellano", await FamilyNamesAsync("""{ source: { eq: "shop" }, or: [{ city: { eq: "leeds" } }, { city: { eq: "hull" } }] }"""));
        Assert.DoesNotContain("Castellano", await FamilyNamesAsync("""{ source: { eq: "shop" }, email: { neq: "rob.castellano@example.com" } }"""));
    }

    [Fact]
    public async Task An_in_filter_with_40000_values_answers_like_the_same_few_values_spelled_out()
    {
        // More values than SQLite binds in one statement (32,766): a client filtering by an exported list.
        // (Each request stays under the endpoint's 1 MiB body limit, which refuses a longer list with a 413.)
        var cities = Enumerable.Range(0, 40_000).Select(i => $"nowhere-{i}").Concat(["leeds", "hull"]).ToList();
        var emails = Enumerable.Range(0, 40_000).Select(i => $"n{i}@example.net").Append(" ROB.castellano@example.com").ToList();

        var byCity = (await Server.PostAsync(
            """
            query($cities: [String]) {
              listed: profiles(where: { city: { in: $cities } }, first: 100) { totalCount nodes { city } }
              spelledOut: profiles(where: { or: [{ city: { eq: "leeds" } }, { city: { eq: "hull" } }] }) { totalCount }
            }
            """,
            new { cities })).Ok().Data;
        var byEmail = (await Server.PostAsync(
            """query($emails: [String]) { profiles(where: { email: { in: $emails } }) { nodes { familyName } } }""", new { emails })).Ok().Data;

        var listed = byCity.GetProperty("listed");
        Assert.True(listed.GetProperty("totalCount").GetInt32() > 0);
        Assert.Equal(byCity.GetProperty("spelledOut").GetProperty("totalCount").GetInt32(), listed.GetProperty("totalCount").GetInt32());
        Assert.All(listed.GetProperty("nodes").EnumerateArray(), n => Assert.True(n.GetProperty("city").GetString() is "leeds" or "hull", n.ToString()));
        Assert.Equal(["Castellano"], byEmail.GetProperty("profiles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("familyName").GetString()));
    }

    [Fact]
    public async Task Bad_paging_and_filter_input_gets_coded_errors_and_no_data()
    {
        var tooMany = await Server.PostAsync("{ profiles(first: 500) { nodes { id } } }");
        Assert.Equal(["BAD_USER_INPUT"], tooMany.ErrorCodes);

        var page = (await Server.PostAsync("""{ profiles(first: 2, order: [{ familyName: ASC }]) { pageInfo { endCursor } } }""")).Ok();
        var cursor = page.Data.GetProperty("profiles").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var otherQuery = await Server.PostAsync("""query($c: String) { profiles(first: 2, after: $c, order: [{ city: ASC }]) { nodes { id } } }""", new { c = cursor });
        Assert.Equal(["BAD_USER_INPUT"], otherQuery.ErrorCodes);
        Assert.Contains("another filter or order", otherQuery.Text, StringComparison.Ordinal);

        var garbage = await Server.PostAsync("""{ profiles(first: 2, after: "!!not a cursor") { nodes { id } } }""");
        Assert.Equal(["BAD_USER_INPUT"], garbage.ErrorCodes);

        var unknownField = await Server.PostAsync("""{ profiles(where: { shoeSize: { eq: 9 } }) { nodes { id } } }""");
        Assert.Equal(400, unknownField.Status);
        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], unknownField.ErrorCodes);
        Assert.False(unknownField.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Touchpoints_page_newest_first_and_the_journey_counts_stages_purchases_and_friction()
    {
        var response = (await Server.PostAsync(
            """
            query($id: ID!) { profile(id: $id) {
              recent: touchpoints(first: 3) { totalCount nodes { type channel stage } pageInfo { hasNextPage endCursor } }
              email: touchpoints(where: { channel: { eq: EMAIL } }, order: [{ occurredAt: ASC }]) { totalCount nodes { type } }
              journey { touchpointCount touchpointsBeforeFirstPurchase purchaseCount firstContact lastContact
                byStage { stage count } byChannel { channel count } controllable uncontrollable proactive reactive friction { kind type } }
            } }
            """,
            new { id = Scenario.RobertProfile.ToString() })).Ok();
        var profile = response.Data.GetProperty("profile");

        var recent = profile.GetProperty("recent");
        Assert.Equal(12, recent.GetProperty("totalCount").GetInt32());
        Assert.Equal(["unsubscribe", "satisfaction_rated", "ticket_opened"], recent.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("type").GetString()));
        Assert.True(recent.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["open", "click", "unsubscribe"], profile.GetProperty("email").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("type").GetString()));

        var journey = profile.GetProperty("journey");
        Assert.Equal(12, journey.GetProperty("touchpointCount").GetInt32());
        Assert.Equal(8, journey.GetProperty("touchpointsBeforeFirstPurchase").GetInt32());
        Assert.Equal(1, journey.GetProperty("purchaseCount").GetInt32());
        Assert.Equal(1, journey.GetProperty("uncontrollable").GetInt32());
        var friction = journey.GetProperty("friction").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["POOR_SATISFACTION", "UNSUBSCRIBE"], friction);

        // A checkout followed by the order within a day is not an abandoned cart.
        Assert.DoesNotContain("ABANDONED_CART", friction);
    }

    [Fact]
    public async Task ProfileByIdentifier_with_attributes_and_lineage_is_one_sql_command_and_lists_them_as_profile_does()
    {
        const string Fields = "id givenName email attributes { name value ordinal lineage { source observedAt rule } }";
        var byIdentifier = (await Server.PostAsync(
            $$"""query($v: String!) { profileByIdentifier(kind: EMAIL, value: $v) { {{Fields}} } }""", new { v = "rob.castellano@example.com" })).Ok();
        var byId = (await Server.PostAsync(
            $$"""query($id: ID!) { profile(id: $id) { {{Fields}} } }""", new { id = Scenario.RobertProfile.ToString() })).Ok();

        // The lookup reads the holder's attributes in its own command; profile(id) loads them separately.
        Assert.Equal(1, byIdentifier.SqlCommands);
        Assert.Equal(2, byId.SqlCommands);
        var attributes = byIdentifier.Data.GetProperty("profileByIdentifier").GetProperty("attributes");
        Assert.True(attributes.GetArrayLength() >= 3);
        Assert.Equal(byId.Data.GetProperty("profile").GetProperty("attributes").GetRawText(), attributes.GetRawText());
    }

    [Fact]
    public async Task A_page_of_profiles_with_records_and_touchpoints_costs_the_same_few_sql_commands_at_any_size()
    {
        const string Query = """
            query($n: Int) { profiles(first: $n) { nodes { id givenName sourceRecords { id source givenName observedAt }
              touchpoints(first: 10) { nodes { type occurredAt } } } } }
            """;
        var small = (await Server.PostAsync(Query, new { n = 5 })).Ok();
        var large = (await Server.PostAsync(Query, new { n = 100 })).Ok();

        Assert.Equal(100, large.Data.GetProperty("profiles").GetProperty("nodes").GetArrayLength());
        Assert.True(large.SqlCommands <= 5, $"a page of 100 took {large.SqlCommands} SQL commands");
        Assert.Equal(small.SqlCommands, large.SqlCommands);
    }

    [Fact]
    public async Task SearchProfiles_ranks_a_misspelt_name_and_finds_an_email_exactly()
    {
        var byName = (await Server.PostAsync("""{ searchProfiles(query: "Castelano Leeds", first: 3) { score profile { familyName } } }""")).Ok();
        var hits = byName.Data.GetProperty("searchProfiles").EnumerateArray().ToList();
        Assert.Equal("Castellano", hits[0].GetProperty("profile").GetProperty("familyName").GetString());
        Assert.True(hits[0].GetProperty("score").GetInt32() >= 80, hits[0].ToString());
        Assert.Equal(hits.Select(h => h.GetProperty("score").GetInt32()).OrderDescending(), hits.Select(h => h.GetProperty("score").GetInt32()));

        var byEmail = (await Server.PostAsync("""{ searchProfiles(query: "HARRIET.VOSS@example.com") { profile { familyName } } }""")).Ok();
        Assert.Equal("Voss", Assert.Single(byEmail.Data.GetProperty("searchProfiles").EnumerateArray()).GetProperty("profile").GetProperty("familyName").GetString());
    }

    [Fact]
    public async Task The_review_queue_shows_both_records_and_the_explanation_to_stewards()
    {
        var response = (await Server.PostAsync(
            """{ reviewQueue(order: [{ score: DESC }], first: 10) { totalCount nodes { id status score recordA { sourceKey } recordB { sourceKey } explanation { summary } } } }""",
            role: ApiRole.Steward)).Ok();
        var item = Assert.Single(response.Data.GetProperty("reviewQueue").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == $"rev_{Scenario.ReviewItem}");
        Assert.Equal("OPEN", item.GetProperty("status").GetString());
        Assert.Equal("harriet", item.GetProperty("recordA").GetProperty("sourceKey").GetString());
        Assert.Equal("harriett", item.GetProperty("recordB").GetProperty("sourceKey").GetString());
        Assert.StartsWith("BirthDate exact (+6.7), FirstName similar (+4.1)", item.GetProperty("explanation").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApiRole.Marketing, true, false)]
    [InlineData(ApiRole.Steward, true, true)]
    [InlineData(ApiRole.Segmentation, false, false)]
    [InlineData(ApiRole.Admin, true, true)]
    public async Task Each_role_reads_what_its_capabilities_allow(ApiRole role, bool readsProfiles, bool reviews)
    {
        var response = await Server.PostAsync("{ profiles(first: 1) { nodes { id } } reviewQueue(first: 1) { nodes { id } } }", role: role);

        Assert.Equal(200, response.Status);
        Assert.Equal(readsProfiles, response.Data.GetProperty("profiles").ValueKind == JsonValueKind.Object);
        Assert.Equal(reviews, response.Data.GetProperty("reviewQueue").ValueKind == JsonValueKind.Object);
        var expected = new[] { readsProfiles, reviews }.Count(allowed => !allowed);
        Assert.Equal(Enumerable.Repeat("AUTH_NOT_AUTHORIZED", expected), response.ErrorCodes);
    }

    [Fact]
    public async Task A_request_without_a_valid_key_is_refused_with_401_and_a_graphql_error()
    {
        var response = await Server.PostAsync("{ profiles(first: 1) { nodes { id } } }", role: null);

        Assert.Equal(401, response.Status);
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }
}

public sealed class SqliteProfileQueryTests(ApiFixture<SqliteTestDatabase> fixture) : ProfileQueryTests<SqliteTestDatabase>(fixture);

public sealed class PostgresProfileQueryTests(ApiFixture<PostgresTestDatabase> fixture) : ProfileQueryTests<PostgresTestDatabase>(fixture);

public sealed class SqlServerProfileQueryTests(ApiFixture<SqlServerTestDatabase> fixture) : ProfileQueryTests<SqlServerTestDatabase>(fixture);
