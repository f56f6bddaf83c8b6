using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;
using ProfileHub.Server.Matching;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Matching;

/// <summary>Match runs against a real database, on each provider: several runs with new data in between.</summary>
public abstract class MatchRunnerTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly Person Robert = new("Robert", "Castellano", "rob.castellano@example.com", null, "1979-08-30", "4 Mill Lane", "leeds", "LS1 4AP");
    private static readonly Person Bob = new("Bob", "Castellano", "rob.castellano@example.com", "+447700900555", null, "4 Mill Lane", "leeds", "LS1 4AP");
    private static readonly Person AmeliaAtHome = new("Amelia", "Northcott", null, "+447700999111", null, "12 Kiln Lane", "york", "YO1 7HH");
    private static readonly Person AmeliaOnline = new("Amelia", "Northcott", "amelia.q@example.com", null, "1985-03-03");
    private static readonly Person AmeliaBoth = new("Amelia", "Northcott", "amelia.q@example.com", "+447700999111", "1985-03-03", "12 Kiln Lane", "york", "YO1 7HH");
    private static readonly Person Harriet = new("Harriet", "Voss", "harriet.voss@example.com", "+447700900777", "1990-11-05", "7 Dock Street", "hull", "HU1 2AA");
    private static readonly Person Simon = new("Simon", "Pike", "simon.pike@example.com", null, "1971-02-14", null, "bristol", "BS1 5TR");
    private static readonly Person Simone = new("Simone", "Pyke", "spyke@example.net", null, "1993-06-21", null, "cardiff", "CF10 1EP");

    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    private MatchData Data => new(database, _clock);

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A "shop" connector for the scenario's records, beside a "crm" holding the background population.</summary>
    private async Task<int> ShopWithBackgroundAsync()
    {
        await Data.AddBackgroundAsync(await Data.ConnectorAsync("crm", 50), 150);
        return await Data.ConnectorAsync("shop", 60);
    }

    private Task<MatchSummary> MatchAsync(bool rebuild = false) => Data.Runner().RunAsync(rebuild, CancellationToken.None);

    [Fact]
    public async Task A_run_retrains_when_the_records_have_more_than_doubled_since_the_model_was_trained()
    {
        var crm = await Data.ConnectorAsync("crm", 50);
        await Data.AddBackgroundAsync(crm, 60);
        var first = await MatchAsync();

        // A second source arrives with more records than the model has seen in all.
        await Data.AddBackgroundAsync(await Data.ConnectorAsync("loyalty", 70), 80);
        var second = await MatchAsync();
        var third = await MatchAsync();

        Assert.True(first.Rebuilt);
        Assert.True(second.Rebuilt, "the records more than doubled since the model was trained: retrain");
        Assert.False(third.Rebuilt);
    }

    [Fact]
    public async Task Match_keeps_profile_ids_as_records_arrive_and_merges_into_the_older_profile()
    {
        var shop = await ShopWithBackgroundAsync();
        var robert = await Data.AddAsync(shop, "robert", Robert);
        var ameliaAtHome = await Data.AddAsync(shop, "amelia-home", AmeliaAtHome);
        var first = await MatchAsync();
        var afterFirst = await Data.MembershipsAsync();

        _clock.Advance(TimeSpan.FromDays(1));
        var bob = await Data.AddAsync(shop, "bob", Bob);
        var ameliaOnline = await Data.AddAsync(shop, "amelia-online", AmeliaOnline);
        var second = await MatchAsync();
        var afterSecond = await Data.MembershipsAsync();

        _clock.Advance(TimeSpan.FromDays(1));
        var ameliaBoth = await Data.AddAsync(shop, "amelia-both", AmeliaBoth);
        var third = await MatchAsync();
        var afterThird = await Data.MembershipsAsync();

        Assert.True(first.Rebuilt, "the first run has no stored model, so it rebuilds");
        Assert.False(second.Rebuilt);
        Assert.Equal(2, second.RecordsProcessed);
        Assert.Equal(afterFirst[robert], afterSecond[bob]);
        Assert.Equal(afterFirst[robert], afterSecond[robert]);
        Assert.NotEqual(afterSecond[ameliaAtHome], afterSecond[ameliaOnline]);

        // The bridging record joins both Amelias: the profile created first (run 1) survives.
        Assert.Equal(1, third.ProfilesMerged);
        Assert.Equal(afterFirst[ameliaAtHome], afterThird[ameliaOnline]);
        Assert.Equal(afterFirst[ameliaAtHome], afterThird[ameliaBoth]);
        await using var db = database.CreateContext();
        var absorbed = await db.Profiles.SingleAsync(p => p.Id == afterSecond[ameliaOnline]);
        Assert.Equal(ProfileStatus.Merged, absorbed.Status);
        Assert.Equal(afterFirst[ameliaAtHome], absorbed.MergedIntoId);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "auto_merge");
        Assert.Equal((MatchRunner.Actor, absorbed.Id.ToString()), (audit.Actor, audit.EntityId));
        Assert.Empty(await db.SourceRecords.Where(r => r.NeedsMatching).ToListAsync());
    }

    [Fact]
    public async Task Memberships_carry_the_score_and_explanation_of_their_link()
    {
        var shop = await ShopWithBackgroundAsync();
        var robert = await Data.AddAsync(shop, "robert", Robert);
        await MatchAsync();
        var bob = await Data.AddAsync(shop, "bob", Bob);
        await MatchAsync();

        await using var db = database.CreateContext();
        var seed = await db.Memberships.SingleAsync(m => m.RecordId == robert);
        var joined = await db.Memberships.SingleAsync(m => m.RecordId == bob);
        Assert.Equal((LinkOrigin.Seed, (double?)null), (seed.LinkedBy, seed.Score));
        Assert.Equal(LinkOrigin.Rule, joined.LinkedBy);
        Assert.True(joined.Score >= ProfileHub.Core.Matching.MatchSettings.Default.UpperThreshold, $"score {joined.Score}");
        using var explanation = JsonDocument.Parse(joined.Explanation!);
        var root = explanation.RootElement;
        Assert.Equal(joined.Score!.Value, root.GetProperty("totalWeight").GetDouble(), 3);
        Assert.Equal("linked", root.GetProperty("decision").GetString());
        var email = root.GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("comparison").GetString() == "email");
        Assert.True(email.GetProperty("weight").GetDouble() > 0);
        Assert.Equal(new[] { robert.ToString(System.Globalization.CultureInfo.InvariantCulture), bob.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new[] { root.GetProperty("leftRecordId").GetString(), root.GetProperty("rightRecordId").GetString() });
    }

    [Fact]
    public async Task Steward_constraints_hold_in_the_next_run_and_incremental_equals_rebuild()
    {
        var shop = await Data.ConnectorAsync("shop", 60);
        var crm = await Data.ConnectorAsync("crm", 50);
        await Data.AddBackgroundAsync(crm, 150);
        var harriet = await Data.AddAsync(shop, "harriet", Harriet);
        var harrietAgain = await Data.AddAsync(crm, "harriet", Harriet);
        var simon = await Data.AddAsync(shop, "simon", Simon);
        var simone = await Data.AddAsync(shop, "simone", Simone);
        await MatchAsync();
        var before = await Data.MembershipsAsync();
        Assert.Equal(before[harriet], before[harrietAgain]);
        Assert.NotEqual(before[simon], before[simone]);

        await using (var db = database.CreateContext())
        {
            db.StewardConstraints.Add(StewardConstraint.CannotLink(harriet, harrietAgain, "steward", _clock.GetUtcNow()));
            db.StewardConstraints.Add(StewardConstraint.MustLink(simon, simone, "steward", _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        _clock.Advance(TimeSpan.FromHours(1));
        await Data.AddAsync(shop, "bob", Bob);
        var incremental = await MatchAsync();
        var afterIncremental = await Data.MembershipsAsync();
        var partition = await Data.PartitionAsync();
        var rebuild = await MatchAsync(rebuild: true);
        var afterRebuild = await Data.MembershipsAsync();

        Assert.False(incremental.Rebuilt);
        Assert.NotEqual(afterIncremental[harriet], afterIncremental[harrietAgain]);
        Assert.Equal(afterIncremental[simon], afterIncremental[simone]);
        Assert.True(rebuild.Rebuilt);
        Assert.Equal(partition, await Data.PartitionAsync());
        Assert.Equal(afterIncremental, afterRebuild);
        await using var check = database.CreateContext();
        Assert.False(await check.ReviewItems.AnyAsync(r => r.RecordA == harriet && r.RecordB == harrietAgain), "a cannot-link pair is never queued");
    }

    [Fact]
    public async Task Review_zone_pairs_are_queued_once_across_runs()
    {
        var shop = await ShopWithBackgroundAsync();
        var ameliaAtHome = await Data.AddAsync(shop, "amelia-home", AmeliaAtHome);
        var ameliaOnline = await Data.AddAsync(shop, "amelia-online", AmeliaOnline);
        var first = await MatchAsync();
        await Data.AddAsync(shop, "robert", Robert);
        await MatchAsync();
        var rebuild = await MatchAsync(rebuild: true);

        await using var db = database.CreateContext();
        var items = await db.ReviewItems.ToListAsync();
        var item = Assert.Single(items, r => r.RecordA == ameliaAtHome && r.RecordB == ameliaOnline);
        Assert.Equal(ReviewStatus.Open, item.Status);
        Assert.InRange(item.Score, ProfileHub.Core.Matching.MatchSettings.Default.LowerThreshold, ProfileHub.Core.Matching.MatchSettings.Default.UpperThreshold);
        Assert.Contains("\"contributions\"", item.Explanation, StringComparison.Ordinal);
        Assert.Equal(items.Count, items.DistinctBy(r => (r.RecordA, r.RecordB)).Count());
        Assert.Equal(items.Count, first.ReviewItemsQueued);
        Assert.Equal(0, rebuild.ReviewItemsQueued);
        var memberships = await Data.MembershipsAsync();
        Assert.NotEqual(memberships[ameliaAtHome], memberships[ameliaOnline]);
    }

    [Fact]
    public async Task Survivorship_runs_for_touched_profiles_only_and_records_lineage()
    {
        var shop = await ShopWithBackgroundAsync();
        var robert = await Data.AddAsync(shop, "robert", Robert);
        var harriet = await Data.AddAsync(shop, "harriet", Harriet);
        await MatchAsync();
        var profiles = await Data.MembershipsAsync();
        int untouchedVersion;
        await using (var db = database.CreateContext())
        {
            untouchedVersion = (await db.Profiles.SingleAsync(p => p.Id == profiles[harriet])).Version;
            db.StewardConstraints.Add(StewardConstraint.Pin(profiles[robert], AttributeNames.FirstName, "Roberto", "steward", _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        _clock.Advance(TimeSpan.FromDays(3));
        var bob = await Data.AddAsync(shop, "bob", Bob);
        await MatchAsync();

        await using (var db = database.CreateContext())
        {
            var untouched = await db.Profiles.SingleAsync(p => p.Id == profiles[harriet]);
            var touched = await db.Profiles.Include(p => p.Attributes).SingleAsync(p => p.Id == profiles[robert]);
            Assert.Equal(untouchedVersion, untouched.Version);
            Assert.Equal(_clock.GetUtcNow(), touched.UpdatedAt);
            var phone = Assert.Single(touched.Attributes, a => a.Name == AttributeNames.Phone);
            Assert.Equal(("+447700900555", bob, "shop"), (phone.Value, phone.SourceRecordId, phone.Source));
            var birth = Assert.Single(touched.Attributes, a => a.Name == AttributeNames.BirthDate);
            Assert.Equal(("1979-08-30", robert), (birth.Value, birth.SourceRecordId));
            var first = Assert.Single(touched.Attributes, a => a.Name == AttributeNames.FirstName && a.Ordinal == 0);
            Assert.Equal(("Roberto", true, "StewardPin"), (first.Value, first.Pinned, first.Rule));
            Assert.Equal("Roberto", touched.GivenName);
        }
    }
}

public sealed class SqliteMatchRunnerTests(SqliteTestDatabase database) : MatchRunnerTests<SqliteTestDatabase>(database);

public sealed class PostgresMatchRunnerTests(PostgresTestDatabase database) : MatchRunnerTests<PostgresTestDatabase>(database);

public sealed class SqlServerMatchRunnerTests(SqlServerTestDatabase database) : MatchRunnerTests<SqlServerTestDatabase>(database);
