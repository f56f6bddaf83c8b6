using System.Globalization;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// Journeys small enough to aggregate by hand (days after <see cref="Start"/>; B = before, D = during, A = after
/// purchase). Five active profiles and one merged away:
/// Alice: ad_click 0 B, page_view 1 B, open 2 B, order_completed 3 D, open 10 A, unsubscribe 12 A.
/// Ben (two records): page_view 0 B, page_view 1 B, checkout_started 2 D, order_completed 2+2h D (the cart is
/// completed), store_purchase 20 D, satisfaction_rated 21 A with score 1 (not poor).
/// Cara: store_purchase 0 D, satisfaction_rated 1 A with score 0 (poor).
/// Dev: open 0 B, click 0.5 B, checkout_started 1 D (abandoned: no purchase follows), spamreport 40 B.
/// Erin: no touchpoints. Zed: merged into Alice, a purchase on a stale membership (not counted).
/// A touchpoint without a known record is not counted either.
/// </summary>
internal static class JourneyScenario
{
    public static readonly DateTimeOffset Start = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private const JourneyStage B = JourneyStage.BeforePurchase;
    private const JourneyStage D = JourneyStage.DuringPurchase;
    private const JourneyStage A = JourneyStage.AfterPurchase;

    public static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var connector = new Connector("shop", ConnectorKind.File, 60, Start);
        db.Connectors.Add(connector);
        await db.SaveChangesAsync();

        var events = 0;
        async Task<GoldenProfile> Person(string name, int records, params (TouchpointChannel Channel, string Type, double Days, JourneyStage Stage, int Record, string? Metrics)[] journey)
        {
            var profile = new GoldenProfile(Guid.CreateVersion7(Start), Start);
            db.Profiles.Add(profile);
            var ids = new List<long>();
            for (var r = 0; r < records; r++)
            {
                var record = new SourceRecord(connector.Id, $"{name}-{r}", Start, Start) { FirstName = name };
                db.SourceRecords.Add(record);
                await db.SaveChangesAsync();
                db.Memberships.Add(new ProfileMembership(record.Id, profile.Id, null, null, r == 0 ? LinkOrigin.Seed : LinkOrigin.Rule, Start));
                ids.Add(record.Id);
            }

            foreach (var (channel, type, days, stage, record, metrics) in journey)
            {
                db.Touchpoints.Add(Touchpoint(connector.Id, ref events, channel, type, days, stage, ids[record], metrics));
            }

            await db.SaveChangesAsync();
            return profile;
        }

        var alice = await Person("alice", 1,
            (TouchpointChannel.Ads, "ad_click", 0, B, 0, null),
            (TouchpointChannel.Web, "page_view", 1, B, 0, null),
            (TouchpointChannel.Email, "open", 2, B, 0, null),
            (TouchpointChannel.Web, "order_completed", 3, D, 0, null),
            (TouchpointChannel.Email, "open", 10, A, 0, null),
            (TouchpointChannel.Email, "unsubscribe", 12, A, 0, null));
        await Person("ben", 2,
            (TouchpointChannel.Web, "page_view", 0, B, 0, null),
            (TouchpointChannel.Web, "page_view", 1, B, 1, null),
            (TouchpointChannel.Web, "checkout_started", 2, D, 1, null),
            (TouchpointChannel.Web, "order_completed", 2 + (2 / 24.0), D, 0, null),
            (TouchpointChannel.Offline, "store_purchase", 20, D, 0, null),
            (TouchpointChannel.Support, "satisfaction_rated", 21, A, 1, """{"satisfaction_score":1}"""));
        await Person("cara", 1,
            (TouchpointChannel.Offline, "store_purchase", 0, D, 0, null),
            (TouchpointChannel.Support, "satisfaction_rated", 1, A, 0, """{"satisfaction_score":0}"""));
        await Person("dev", 1,
            (TouchpointChannel.Email, "open", 0, B, 0, null),
            (TouchpointChannel.Email, "click", 0.5, B, 0, null),
            (TouchpointChannel.Web, "checkout_started", 1, D, 0, null),
            (TouchpointChannel.Email, "spamreport", 40, B, 0, null));
        await Person("erin", 1);
        var zed = await Person("zed", 1, (TouchpointChannel.Web, "order_completed", 0, D, 0, null));
        zed.MergeInto(alice, Start.AddDays(50));
        db.Touchpoints.Add(Touchpoint(connector.Id, ref events, TouchpointChannel.Web, "order_completed", 0, D, null, null));
        await db.SaveChangesAsync();
    }

    private static Touchpoint Touchpoint(int connector, ref int events, TouchpointChannel channel, string type, double days, JourneyStage stage, long? record, string? metrics) =>
        new(connector, "evt-" + (events++).ToString(CultureInfo.InvariantCulture), channel, type, Start.AddDays(days),
            new TouchpointClassification(stage, channel != TouchpointChannel.Offline, true, Initiative.Reactive), Start.AddDays(60))
        {
            SourceRecordId = record,
            Metrics = metrics,
        };
}
