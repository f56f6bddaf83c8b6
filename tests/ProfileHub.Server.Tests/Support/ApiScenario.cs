using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Server.Matching;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// The API tests' data, written to a real database and matched by the real match runner: a background
/// population of 150 people (most with two records), Robert Castellano known to the shop twice (as Robert and
/// as Bob, one profile), his journey (twelve touchpoints with a purchase, an unsubscribe and a bad rating) and
/// consent history, and one review item.
/// </summary>
internal sealed class ApiScenario
{
    public static readonly Person Robert = new("Robert", "Castellano", "rob.castellano@example.com", null, "1979-08-30", "4 Mill Lane", "leeds", "LS1 4AP");
    public static readonly Person Bob = new("Bob", "Castellano", "rob.castellano@example.com", "+447700900555", null, "4 Mill Lane", "leeds", "LS1 4AP");
    public static readonly Person Harriet = new("Harriet", "Voss", "harriet.voss@example.com", "+447700900777", "1990-11-05", "7 Dock Street", "hull", "HU1 2AA");
    public static readonly Person Harriett = new("Harriett", "Vos", null, null, "1990-11-05", null, "hull", null);

    public static readonly Person Dana = new("Dana", "Whitfield", "dana.whitfield@example.com", "+447700900321", "1988-04-12", "9 Quay Road", "bath", "BA1 1AA");
    public static readonly Person DanaAgain = new("Dana", "Whitfield", "dana.whitfield@example.com", null, "1988-04-12", null, "bath", null);
    public static readonly Person Evelyn = new("Evelyn", "Marsh", "evelyn.marsh@example.com", null, null, null, "exeter", null);
    public static readonly Person Eve = new("Eve", "Marsh", "eve.m@example.net", null, null, null, "oxford", null);
    public static readonly Person Ivy = new("Ivy", "Chen", "ivy.chen@example.com", null, "1992-07-19", null, "derby", null);
    public static readonly Person IvyMaybe = new("Ivy", "Chen", "ichen@example.org", null, null, null, "derby", null);
    public static readonly Person Quinn = new("Quinn", "Farrow", "quinn.farrow@example.com", "+447700900444", "1980-01-01", "5 Mint Yard", "york", "YO1 6AA");
    public static readonly Person QuinnOtherBirthday = new("Quinn", "Farrow", "quinn.farrow@example.com", "+447700900444", "1981-01-01", "5 Mint Yard", "york", "YO1 6AA");
    public static readonly Person Pablo = new("Pablo", "Ortega", "pablo.ortega@example.com", "+447700900888", "1975-01-30", "2 Rope Walk", "hull", "HU2 8AA");

    public static readonly DateTimeOffset Start = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    public required long RobertRecord { get; init; }

    public required long BobRecord { get; init; }

    public required long HarrietRecord { get; init; }

    public required long HarriettRecord { get; init; }

    public required long ReviewItem { get; init; }

    /// <summary>A second review item, Ivy Chen against an Ivy Chen with another email.</summary>
    public required long IvyReview { get; init; }

    /// <summary>The records of each person by source key (robert, bob, dana, dana-again, evelyn, eve, ivy, ivy-maybe, pablo, ...).</summary>
    public required IReadOnlyDictionary<string, long> Records { get; init; }

    public required Guid RobertProfile { get; init; }

    public static async Task<ApiScenario> SeedAsync(TestDatabase database)
    {
        var clock = new FixedClock(Start);
        var data = new MatchData(database, clock);
        await data.AddBackgroundAsync(await data.ConnectorAsync("crm", 50), 150);
        var shop = await data.ConnectorAsync("shop", 60);
        var robert = await data.AddAsync(shop, "robert", Robert);
        var bob = await data.AddAsync(shop, "bob", Bob);
        var harriet = await data.AddAsync(shop, "harriet", Harriet);
        var harriett = await data.AddAsync(shop, "harriett", Harriett);
        var records = new Dictionary<string, long> { ["robert"] = robert, ["bob"] = bob, ["harriet"] = harriet, ["harriett"] = harriett };
        foreach (var (key, person) in new[] { ("dana", Dana), ("dana-again", DanaAgain), ("evelyn", Evelyn), ("eve", Eve), ("ivy", Ivy), ("ivy-maybe", IvyMaybe), ("pablo", Pablo), ("quinn", Quinn), ("quinn-2", QuinnOtherBirthday) })
        {
            records[key] = await data.AddAsync(shop, key, person);
        }

        await data.Runner().RunAsync(rebuild: false, CancellationToken.None);

        await using var db = database.CreateContext();
        AddJourney(db, shop, robert, bob);
        var consenting = await db.SourceRecords.Include(r => r.Identifiers).Where(r => r.Id == robert || r.Id == bob).ToDictionaryAsync(r => r.Id);
        consenting[robert].AddConsent(ConsentChannel.Email, ConsentStatus.Granted, Start.AddDays(-30));
        consenting[bob].AddConsent(ConsentChannel.Email, ConsentStatus.Unsubscribed, Start.AddDays(6));
        consenting[bob].AddConsent(ConsentChannel.Sms, ConsentStatus.Granted, Start.AddDays(2));

        // Harriet and Harriett may or may not have been linked; the review item is the steward's question either way.
        var review = Review(harriet, harriett, [
            new MatchContribution(Comparison.GivenName, "FirstName", "similar", 4.1, "harriet", "harriett", null),
            new MatchContribution(Comparison.FamilyName, "LastName", "similar", 3.9, "voss", "vos", null),
            new MatchContribution(Comparison.BirthDate, "BirthDate", "exact", 6.7, "1990-11-05", "1990-11-05", null),
        ]);
        var ivyReview = Review(records["ivy"], records["ivy-maybe"], [
            new MatchContribution(Comparison.GivenName, "FirstName", "exact", 3.0, "ivy", "ivy", null),
            new MatchContribution(Comparison.FamilyName, "LastName", "exact", 4.0, "chen", "chen", null),
        ]);
        db.ReviewItems.AddRange(review, ivyReview);
        await db.SaveChangesAsync();

        var profile = await db.Memberships.Where(m => m.RecordId == robert).Select(m => m.ProfileId).SingleAsync();
        return new ApiScenario
        {
            RobertRecord = robert, BobRecord = bob, HarrietRecord = harriet, HarriettRecord = harriett,
            ReviewItem = review.Id, IvyReview = ivyReview.Id, RobertProfile = profile, Records = records,
        };
    }

    private static ReviewItem Review(long a, long b, IReadOnlyList<MatchContribution> contributions)
    {
        var total = contributions.Sum(c => c.Weight) - 10.2;
        return new ReviewItem(a, b, total, ExplanationJson.Write(new MatchExplanation(
            MatchRecord.Format(a), MatchRecord.Format(b), -10.2, contributions, total, 0.9, MatchDecision.Review, null)), Start.AddHours(1));
    }

    /// <summary>Twelve touchpoints: eight before the first purchase (its checkout completed within a day), a bad rating, an unsubscribe.</summary>
    private static void AddJourney(ProfileHub.Storage.ProfileHubDbContext db, int connector, long robert, long bob)
    {
        (TouchpointChannel Channel, string Type, double Days, long Record, string? Metrics)[] events =
        [
            (TouchpointChannel.Ads, "ad_click", 0, robert, null),
            (TouchpointChannel.Web, "page_view", 0.1, robert, null),
            (TouchpointChannel.Email, "open", 1, robert, null),
            (TouchpointChannel.Email, "click", 1.1, robert, null),
            (TouchpointChannel.Web, "product_viewed", 1.2, bob, null),
            (TouchpointChannel.Web, "product_added", 1.3, bob, null),
            (TouchpointChannel.Social, "comment", 2, bob, null),
            (TouchpointChannel.Web, "checkout_started", 2.1, bob, null),
            (TouchpointChannel.Web, "order_completed", 3, bob, null),
            (TouchpointChannel.Support, "ticket_opened", 4, robert, null),
            (TouchpointChannel.Support, "satisfaction_rated", 5, robert, "{\"satisfaction_score\":0}"),
            (TouchpointChannel.Email, "unsubscribe", 6, bob, null),
        ];
        var i = 0;
        foreach (var (channel, type, days, record, metrics) in events)
        {
            var touchpoint = new Touchpoint(
                connector, "evt-" + (i++).ToString(CultureInfo.InvariantCulture), channel, type, Start.AddDays(days),
                TouchpointRules.Default.Classify(channel, type), Start.AddDays(7))
            {
                SourceRecordId = record,
                Metrics = metrics,
            };
            db.Touchpoints.Add(touchpoint);
        }
    }
}
