using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Api;

/// <summary>
/// journeyAnalytics over <see cref="JourneyScenario"/> on each database; every expected number is worked out by
/// hand from the scenario's journeys (profiles Alice, Ben, Cara, Dev, Erin; 18 counted touchpoints).
/// </summary>
public abstract class JourneyAnalyticsTests<TDatabase>(JourneyFixture<TDatabase> fixture) : IClassFixture<JourneyFixture<TDatabase>>
    where TDatabase : TestDatabase, new()
{
    private const string Fields = """
        profiles purchasers
        touchpointsBeforeFirstPurchase { average median histogram { bucket count } byChannelMix { channels average profiles } }
        conversionByStage { stage profiles converted rate }
        friction { type channel occurrences followedByFriction rate baseRate lift }
        channelContribution { channel firstPurchases share }
        """;

    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Active_profiles_and_purchasers_are_counted_without_merged_profiles_or_unknown_records()
    {
        var analytics = await AnalyticsAsync("{ journeyAnalytics { profiles purchasers } }");

        Assert.Equal(5, analytics.GetProperty("profiles").GetInt32());
        Assert.Equal(3, analytics.GetProperty("purchasers").GetInt32());
    }

    [Fact]
    public async Task Touchpoints_before_the_first_purchase_give_the_histogram_average_median_and_channel_mixes()
    {
        var before = (await AnalyticsAsync($"{{ journeyAnalytics {{ {Fields} }} }}")).GetProperty("touchpointsBeforeFirstPurchase");

        // Cara bought first (0); Alice had three touchpoints, Ben three across his two records.
        Assert.Equal([(0, 1), (3, 2)], before.GetProperty("histogram").EnumerateArray().Select(b => (b.GetProperty("bucket").GetInt32(), b.GetProperty("count").GetInt32())));
        Assert.Equal(2.0, before.GetProperty("average").GetDouble(), 9);
        Assert.Equal(3.0, before.GetProperty("median").GetDouble(), 9);
        var mixes = before.GetProperty("byChannelMix").EnumerateArray()
            .Select(m => (string.Join(",", m.GetProperty("channels").EnumerateArray().Select(c => c.GetString())), m.GetProperty("average").GetDouble(), m.GetProperty("profiles").GetInt32()));
        Assert.Equal([("", 0.0, 1), ("WEB", 3.0, 1), ("WEB,EMAIL,ADS", 3.0, 1)], mixes);
    }

    [Fact]
    public async Task Conversion_by_stage_counts_the_profiles_reaching_each_stage_and_the_purchasers_among_them()
    {
        var stages = (await AnalyticsAsync("{ journeyAnalytics { conversionByStage { stage profiles converted rate } } }")).GetProperty("conversionByStage")
            .EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!);

        // Before: Alice, Ben, Dev (Dev never bought). During: all four with touchpoints. After: Alice, Ben, Cara.
        AssertStage(stages["BEFORE_PURCHASE"], 3, 2);
        AssertStage(stages["DURING_PURCHASE"], 4, 3);
        AssertStage(stages["AFTER_PURCHASE"], 3, 3);
    }

    [Fact]
    public async Task Friction_within_thirty_days_counts_unsubscribes_poor_ratings_and_abandoned_carts_against_the_base_rate()
    {
        var friction = Friction(await AnalyticsAsync("{ journeyAnalytics { friction { type channel occurrences followedByFriction rate baseRate lift } } }"));

        // Signals: Alice's unsubscribe (day 12), Cara's poor rating (day 1), Dev's abandoned checkout (day 1) and
        // spam report (day 40). Ben's completed checkout and rating of 1 are not friction. 8 of 18 are followed.
        const double baseRate = 8.0 / 18;
        Assert.Equal(
            [
                ("open", "EMAIL", 3, 3), ("ad_click", "ADS", 1, 1), ("click", "EMAIL", 1, 1),
                ("order_completed", "WEB", 2, 1), ("store_purchase", "OFFLINE", 2, 1), ("page_view", "WEB", 3, 1),
                ("checkout_started", "WEB", 2, 0), ("satisfaction_rated", "SUPPORT", 2, 0), ("spamreport", "EMAIL", 1, 0), ("unsubscribe", "EMAIL", 1, 0),
            ],
            friction.Select(f => (f.Type, f.Channel, f.Occurrences, f.Followed)));
        Assert.All(friction, f =>
        {
            Assert.Equal(baseRate, f.BaseRate, 9);
            Assert.Equal((double)f.Followed / f.Occurrences, f.Rate, 9);
        });
        Assert.Equal(2.25, friction[0].Lift!.Value, 9);
        Assert.Equal(0.75, friction.Single(f => f.Type == "page_view").Lift!.Value, 9);
    }

    [Fact]
    public async Task A_shorter_window_leaves_out_friction_that_came_later()
    {
        var friction = Friction(await AnalyticsAsync("{ journeyAnalytics(windowDays: 7) { friction { type channel occurrences followedByFriction rate baseRate lift } } }"));

        // Within 7 days only Alice's second open (unsubscribe 2 days later), Cara's store purchase and Dev's open and click are followed.
        var followed = friction.Where(f => f.Followed > 0).ToDictionary(f => f.Type, f => f.Followed);
        Assert.Equal(new Dictionary<string, int> { ["open"] = 2, ["click"] = 1, ["store_purchase"] = 1 }, followed);
        Assert.All(friction, f => Assert.Equal(4.0 / 18, f.BaseRate, 9));
    }

    [Fact]
    public async Task Channels_share_each_first_purchase_equally_among_the_channels_touched_before_it()
    {
        var channels = (await AnalyticsAsync("{ journeyAnalytics { channelContribution { channel firstPurchases share } } }")).GetProperty("channelContribution")
            .EnumerateArray().Select(c => (c.GetProperty("channel").GetString(), c.GetProperty("firstPurchases").GetDouble(), c.GetProperty("share").GetDouble())).ToList();

        // Ben's purchase goes to the web; Alice's is split three ways; Cara's had no touchpoint before it.
        Assert.Equal(["WEB", "EMAIL", "ADS"], channels.Select(c => c.Item1));
        Assert.Equal(4.0 / 3, channels[0].Item2, 9);
        Assert.Equal(4.0 / 9, channels[0].Item3, 9);
        Assert.All(channels.Skip(1), c => Assert.Equal(1.0 / 9, c.Item3, 9));
    }

    [Fact]
    public async Task The_sql_agrees_with_Journey_Summarize_on_first_purchases_and_friction_signals()
    {
        // The same numbers from the one C# definition (Journey.Summarize) over every active profile's journey.
        List<IGrouping<Guid, Touchpoint>> journeys;
        await using (var db = fixture.Database.CreateContext())
        {
            journeys = [.. (await (from m in db.Memberships
                                   join p in db.Profiles on m.ProfileId equals p.Id
                                   where p.Status == ProfileStatus.Active
                                   join t in db.Touchpoints on (long?)m.RecordId equals t.SourceRecordId
                                   select new { m.ProfileId, Touchpoint = t }).AsNoTracking().ToListAsync())
                .GroupBy(x => x.ProfileId, x => x.Touchpoint)];
        }

        var expectedHistogram = journeys.Select(j => Journey.Summarize(j).TouchpointsBeforeFirstPurchase).OfType<int>()
            .CountBy(n => n).OrderBy(c => c.Key).Select(c => (c.Key, c.Value)).ToList();
        var expectedFriction = journeys.SelectMany(j =>
            {
                var signals = Journey.Summarize(j).Friction.Select(f => f.Touchpoint.OccurredAt).ToList();
                return j.Select(t => (t.Type, Channel: t.Channel.ToString().ToUpperInvariant(), Followed: signals.Exists(s => s > t.OccurredAt && s <= t.OccurredAt.AddDays(30))));
            })
            .GroupBy(t => (t.Type, t.Channel))
            .Select(g => (g.Key.Type, g.Key.Channel, g.Count(), g.Count(t => t.Followed)))
            .Order().ToList();

        var analytics = await AnalyticsAsync($"{{ journeyAnalytics {{ {Fields} }} }}");
        var histogram = analytics.GetProperty("touchpointsBeforeFirstPurchase").GetProperty("histogram").EnumerateArray()
            .Select(b => (b.GetProperty("bucket").GetInt32(), b.GetProperty("count").GetInt32())).ToList();
        Assert.Equal(expectedHistogram, histogram);
        Assert.Equal(expectedFriction, Friction(analytics).Select(f => (f.Type, f.Channel, f.Occurrences, f.Followed)).Order().ToList());
    }

    [Fact]
    public async Task A_segment_limits_the_analysis_to_its_members_and_an_unknown_one_is_not_found()
    {
        var unknown = await Server.PostAsync("""{ journeyAnalytics(segment: "nobody-made-this") { profiles } }""");
        Assert.Equal(["NOT_FOUND"], unknown.ErrorCodes);

        (await Server.PostAsync("""mutation { createSegment(name: "journey-buyers", rule: "purchases(last 3650 days) >= 1") { name } }""", role: ApiRole.Admin)).Ok();
        (await Server.PostAsync("""mutation { refreshSegment(name: "journey-buyers") { members } }""", role: ApiRole.Admin)).Ok();
        var buyers = await AnalyticsAsync("""{ journeyAnalytics(segment: "journey-buyers") { profiles purchasers friction { occurrences } } }""");
        var all = await AnalyticsAsync("""{ journeyAnalytics { friction { occurrences } } }""");

        // Alice, Ben and Cara bought; Dev and Erin did not.
        Assert.Equal((3, 3), (buyers.GetProperty("profiles").GetInt32(), buyers.GetProperty("purchasers").GetInt32()));

        // The friction statement (plain SQL) filters to the same members: fewer touchpoints than over everyone.
        static int Touchpoints(JsonElement analytics) => analytics.GetProperty("friction").EnumerateArray().Sum(f => f.GetProperty("occurrences").GetInt32());
        Assert.InRange(Touchpoints(buyers), 1, Touchpoints(all) - 1);
    }

    [Fact]
    public async Task Profiles_filter_by_segment_membership_and_computed_traits()
    {
        (await Server.PostAsync("""mutation { createSegment(name: "filter-buyers", rule: "purchases(last 3650 days) >= 1") { name } }""", role: ApiRole.Admin)).Ok();
        (await Server.PostAsync("""mutation { refreshSegment(name: "filter-buyers") { members } }""", role: ApiRole.Admin)).Ok();

        async Task<int> CountAsync(string where) =>
            (await Server.PostAsync($$"""{ profiles(where: {{where}}) { totalCount } }""")).Ok().Data.GetProperty("profiles").GetProperty("totalCount").GetInt32();

        // Alice, Ben and Cara bought (the refresh folded the traits first).
        Assert.Equal(3, await CountAsync("""{ segment: { eq: "filter-buyers" } }"""));
        Assert.Equal(3, await CountAsync("""{ traits: { purchaseCount: { gte: 1 } } }"""));
        // Dev has touchpoints and no purchase; Erin has no touchpoints, so no traits row, and matches no trait condition.
        Assert.Equal(1, await CountAsync("""{ traits: { purchaseCount: { eq: 0 } } }"""));
        Assert.Equal(0, await CountAsync("""{ segment: { eq: "filter-buyers" }, traits: { purchaseCount: { eq: 0 } } }"""));
    }

    [Fact]
    public async Task A_window_outside_a_year_is_refused()
    {
        var response = await Server.PostAsync("{ journeyAnalytics(windowDays: 0) { profiles } }");

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    [Fact]
    public async Task Journey_analytics_need_the_read_profiles_capability()
    {
        var allowed = await Server.PostAsync("{ journeyAnalytics { profiles } }", role: ApiRole.Marketing);
        var refused = await Server.PostAsync("{ journeyAnalytics { profiles } }", role: ApiRole.Segmentation);

        allowed.Ok();
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], refused.ErrorCodes);
    }

    private static void AssertStage(JsonElement stage, int profiles, int converted)
    {
        Assert.Equal(profiles, stage.GetProperty("profiles").GetInt32());
        Assert.Equal(converted, stage.GetProperty("converted").GetInt32());
        Assert.Equal((double)converted / profiles, stage.GetProperty("rate").GetDouble(), 9);
    }

    private static List<FrictionRow> Friction(JsonElement analytics) =>
        [.. analytics.GetProperty("friction").EnumerateArray().Select(f => new FrictionRow(
            f.GetProperty("type").GetString()!, f.GetProperty("channel").GetString()!, f.GetProperty("occurrences").GetInt32(), f.GetProperty("followedByFriction").GetInt32(),
            f.GetProperty("rate").GetDouble(), f.GetProperty("baseRate").GetDouble(), f.GetProperty("lift").ValueKind == JsonValueKind.Null ? null : f.GetProperty("lift").GetDouble()))];

    private async Task<JsonElement> AnalyticsAsync(string query) =>
        (await Server.PostAsync(query)).Ok().Data.GetProperty("journeyAnalytics");

    private sealed record FrictionRow(string Type, string Channel, int Occurrences, int Followed, double Rate, double BaseRate, double? Lift);
}

public sealed class SqliteJourneyAnalyticsTests(JourneyFixture<SqliteTestDatabase> fixture) : JourneyAnalyticsTests<SqliteTestDatabase>(fixture);

public sealed class PostgresJourneyAnalyticsTests(JourneyFixture<PostgresTestDatabase> fixture) : JourneyAnalyticsTests<PostgresTestDatabase>(fixture);

public sealed class SqlServerJourneyAnalyticsTests(JourneyFixture<SqlServerTestDatabase> fixture) : JourneyAnalyticsTests<SqlServerTestDatabase>(fixture);
