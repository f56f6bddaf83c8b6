using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Demo;

/// <summary>
/// The demo tells ProfileHub's story (issue 15): loaded today through the shipped connectors into a real SQLite
/// file and served by the real server, every example README.md and docs/ show answers with data, and the journeys
/// look like a business's: about eight touchpoints before a first purchase, every channel and every facet of the
/// four touchpoint dimensions, friction included.
/// </summary>
public sealed class DemoStoryTests(DemoFixture<SqliteTestDatabase> fixture) : IClassFixture<DemoFixture<SqliteTestDatabase>>
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Every_graphql_example_in_the_docs_answers_with_data()
    {
        var examples = DocumentedExamples.GraphQL;

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var response = await Server.PostAsync(example.Text);
            Assert.False(response.HasErrors, $"{example.Where}: {response.Text}");
            Assert.Equal([], Gaps(response.Data).Select(gap => $"{example.Where}: {gap}"));
        }
    }

    [Fact]
    public async Task Every_segment_rule_in_the_docs_has_members()
    {
        var rules = DocumentedExamples.Rules;

        Assert.NotEmpty(rules);
        var created = new List<string>();
        foreach (var (rule, i) in rules.Select((r, i) => (r, i)))
        {
            // In document order: a rule may name an earlier one's segment (in_segment("vip")).
            var name = rule.Name ?? $"example-{i + 1}";
            var create = await Server.PostAsync("mutation($n: String!, $r: String!) { createSegment(name: $n, rule: $r) { name } }", new { n = name, r = rule.Text });
            Assert.False(create.HasErrors, $"{rule.Where}: {create.Text}");
            var refresh = await Server.PostAsync("mutation($n: String!) { refreshSegment(name: $n) { members } }", new { n = name });
            Assert.False(refresh.HasErrors, $"{rule.Where}: {refresh.Text}");
            if (refresh.Data.GetProperty("refreshSegment").GetProperty("members").GetInt32() == 0)
            {
                created.Add($"{rule.Where}: no members for {rule.Text}");
            }
        }

        Assert.Equal([], created);
    }

    [Fact]
    public async Task The_median_customer_has_about_eight_touchpoints_before_the_first_purchase()
    {
        var response = (await Server.PostAsync("{ journeyAnalytics(windowDays: 14) { purchasers touchpointsBeforeFirstPurchase { median average } } }")).Ok();

        var analytics = response.Data.GetProperty("journeyAnalytics");
        var before = analytics.GetProperty("touchpointsBeforeFirstPurchase");
        Assert.InRange(before.GetProperty("median").GetDouble(), 6, 10);
        Assert.InRange(before.GetProperty("average").GetDouble(), 5, 12);
        Assert.InRange(analytics.GetProperty("purchasers").GetInt32(), 300, 900);
    }

    [Fact]
    public async Task Touchpoints_cover_every_channel_every_facet_of_the_four_dimensions_and_friction()
    {
        await using var db = fixture.Database.CreateContext();
        var facets = await db.Touchpoints.Select(t => new { t.Channel, t.Stage, t.Online, t.Controllable, t.Initiative }).Distinct().ToListAsync();
        var types = await db.Touchpoints.Select(t => t.Type).Distinct().ToListAsync();

        Assert.Equal(Enum.GetValues<TouchpointChannel>(), facets.Select(f => f.Channel).Distinct().Order());
        Assert.Equal(Enum.GetValues<JourneyStage>(), facets.Select(f => f.Stage).Distinct().Order());
        Assert.Equal([false, true], facets.Select(f => f.Online).Distinct().Order());
        Assert.Equal([false, true], facets.Select(f => f.Controllable).Distinct().Order());
        Assert.Equal(Enum.GetValues<Initiative>(), facets.Select(f => f.Initiative).Distinct().Order());
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "page_view", "product_viewed", "product_added", "checkout_started", "order_completed", "order_refunded", "store_purchase",
                "delivered", "open", "click", "unsubscribe", "spamreport", "ad_impression", "ad_click", "lead", "conversion",
                "mention", "direct_message", "ticket_opened", "ticket_solved", "satisfaction_rated", "points_earned", "points_redeemed", "tier_changed",
            },
            types.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_readme_customer_is_in_the_demo_with_a_journey_over_many_channels()
    {
        var response = (await Server.PostAsync("""
            { profileByIdentifier(kind: EMAIL, value: "  Jane.Doe@Example.COM ") {
                givenName familyName journey { touchpointsBeforeFirstPurchase byChannel { channel } friction { kind } } } }
            """)).Ok();

        var jane = response.Data.GetProperty("profileByIdentifier");
        Assert.Equal("Jane Doe", $"{jane.GetProperty("givenName").GetString()} {jane.GetProperty("familyName").GetString()}");
        Assert.True(jane.GetProperty("journey").GetProperty("byChannel").GetArrayLength() >= 5, response.Text);
        Assert.True(jane.GetProperty("journey").GetProperty("friction").GetArrayLength() > 0, response.Text);
    }

    /// <summary>What an example's answer lacks: a root field that is null, or a list anywhere that is empty.</summary>
    private static IEnumerable<string> Gaps(JsonElement data)
    {
        foreach (var root in data.EnumerateObject())
        {
            if (root.Value.ValueKind == JsonValueKind.Null)
            {
                yield return $"{root.Name} is null";
            }

            foreach (var empty in EmptyLists(root.Value, root.Name))
            {
                yield return $"{empty} is an empty list";
            }
        }
    }

    private static IEnumerable<string> EmptyLists(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Array when value.GetArrayLength() == 0 => [path],
        JsonValueKind.Array => value.EnumerateArray().SelectMany((item, i) => EmptyLists(item, $"{path}[{i}]")),
        JsonValueKind.Object => value.EnumerateObject().SelectMany(p => EmptyLists(p.Value, $"{path}.{p.Name}")),
        _ => [],
    };
}
