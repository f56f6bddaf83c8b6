using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Server.Segments;
using ProfileHub.Server.Stewardship;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Segments;

/// <summary>
/// The two shapes of an audience, a keyset page (correlated per member) and the whole audience (anti-join to
/// the capped profiles), select the same members with the same contact point: consent decided per address by
/// the latest statement about it from any record (ties on time broken by the later statement), a statement
/// without an address speaking for every address of its person, the frequency cap, active profiles only.
/// Each record carries one address, the person's name unless written otherwise (null: no address).
/// </summary>
public abstract class AudienceQueryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<Guid, string> _names = [];
    private int _segmentId;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await using var db = database.CreateContext();
        var connector = new Connector("crm", ConnectorKind.File, 50, Now);
        db.Connectors.Add(connector);
        var segment = new Segment("all", "touchpoints >= 0", null, null, Now);
        db.Segments.Add(segment);
        await db.SaveChangesAsync();
        _segmentId = segment.Id;

        var granted = (ConsentStatus.Granted, -30d);
        var unsubscribed = (ConsentStatus.Unsubscribed, -10d);
        var people = new (string Name, (ConsentStatus Status, double DaysAgo)[][] Records, int Delivered, int OldDelivered)[]
        {
            ("granted", [[granted]], 0, 0),
            ("unsubscribed-later-elsewhere", [[granted], [(ConsentStatus.Unsubscribed, -10)]], 0, 0),
            ("granted-after-unsubscribing", [[(ConsentStatus.Unsubscribed, -40), (ConsentStatus.Granted, -5)]], 0, 0),
            ("granted-recorded-last-at-the-same-time", [[(ConsentStatus.Unsubscribed, -30)], [granted]], 0, 0),
            ("unsubscribed-recorded-last-at-the-same-time", [[granted], [(ConsentStatus.Unsubscribed, -30)]], 0, 0),
            ("at-the-cap", [[granted]], 3, 0),
            ("at-the-cap-over-two-records", [[granted], []], 3, 0),
            ("under-the-cap", [[granted]], 2, 4),
            ("never-asked", [[]], 0, 0),
            ("merged-away", [[granted]], 0, 0),
            ("unsubscribed-a-then-granted-b", [[granted, unsubscribed], [(ConsentStatus.Granted, -5)]], 0, 0),
            ("granted-b-then-unsubscribed-a", [[granted, (ConsentStatus.Unsubscribed, -5)], [(ConsentStatus.Granted, -20)]], 0, 0),
            ("granted-a-shared-address", [[granted]], 0, 0),
            ("unsubscribed-the-shared-address", [[unsubscribed]], 0, 0),
            ("unsubscribed-without-an-address", [[granted], [unsubscribed]], 0, 0),
        };

        // The second record of the A/B people is their address B; the shared address is one mailbox of two
        // profiles; the last person's second record names no address.
        var addresses = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["unsubscribed-a-then-granted-b-1"] = "b-of-unsubscribed-a-then-granted-b",
            ["granted-b-then-unsubscribed-a-1"] = "b-of-granted-b-then-unsubscribed-a",
            ["granted-a-shared-address-0"] = "shared",
            ["unsubscribed-the-shared-address-0"] = "shared",
            ["unsubscribed-without-an-address-1"] = null,
        };

        var eventId = 0;
        var lineage = new AttributeLineage(null, "crm", Now, "SourceTrust", false);
        var profiles = new Dictionary<string, GoldenProfile>(StringComparer.Ordinal);
        foreach (var (name, records, delivered, oldDelivered) in people)
        {
            var profile = new GoldenProfile(Guid.CreateVersion7(Now.AddMinutes(profiles.Count)), Now);
            profile.ReplaceAttributes([new ProfileAttributeValue(AttributeNames.Email, $"{name}@example.com", 0, lineage)], Now);
            db.Profiles.Add(profile);
            profiles[name] = profile;
            _names[profile.Id] = name;
            var stored = new List<SourceRecord>();
            foreach (var statements in records)
            {
                var record = new SourceRecord(connector.Id, $"{name}-{stored.Count}", Now, Now);
                if (addresses.GetValueOrDefault(record.SourceKey, name) is { } address)
                {
                    record.Identifiers.Add(new RecordIdentifier(IdentifierKind.Email, $"{address}@example.com", $"{address}@example.com"));
                }

                foreach (var (status, daysAgo) in statements)
                {
                    record.AddConsent(ConsentChannel.Email, status, Now.AddDays(daysAgo));
                }

                db.SourceRecords.Add(record);
                stored.Add(record);

                // Statements go in one at a time, so ids follow the order written above.
                await db.SaveChangesAsync();
            }

            foreach (var record in stored)
            {
                db.Memberships.Add(new ProfileMembership(record.Id, profile.Id, null, null, LinkOrigin.Seed, Now));
            }

            db.SegmentMemberships.Add(new SegmentMembership(segment.Id, profile.Id, Now));
            for (var d = 0; d < delivered + oldDelivered; d++)
            {
                var at = d < delivered ? Now.AddDays(-1 - d) : Now.AddDays(-30 - d);
                db.Touchpoints.Add(new Touchpoint(connector.Id, "e" + (eventId++).ToString(CultureInfo.InvariantCulture), TouchpointChannel.Email, "delivered", at,
                    TouchpointRules.Default.Classify(TouchpointChannel.Email, "delivered"), Now)
                {
                    SourceRecordId = stored[d % stored.Count].Id,
                });
            }

            await db.SaveChangesAsync();
        }

        profiles["merged-away"].MergeInto(profiles["granted"], Now);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_page_and_the_whole_audience_select_the_same_members()
    {
        var (page, whole) = await BothAsync(new FrequencyCap());

        string[] expected = ["granted", "granted-after-unsubscribing", "granted-recorded-last-at-the-same-time", "under-the-cap",
            "unsubscribed-a-then-granted-b", "granted-b-then-unsubscribed-a"];
        Assert.Equal(expected, page.Select(m => _names[m.ProfileId]));
        Assert.Equal(page, whole);
    }

    [Fact]
    public async Task A_cap_nobody_reaches_leaves_consent_alone_to_decide()
    {
        var (page, whole) = await BothAsync(new FrequencyCap { Contacts = 100 });

        Assert.Equal(8, page.Count);
        Assert.Contains("at-the-cap-over-two-records", page.Select(m => _names[m.ProfileId]));
        Assert.Equal(page, whole);
    }

    [Fact]
    public async Task An_unsubscribed_address_is_never_the_contact_point_whatever_another_address_of_the_person_says()
    {
        var (page, whole) = await BothAsync(new FrequencyCap());

        // The A/B people survive with their address A (their name) as primary email: the audience carries B.
        var contacts = page.ToDictionary(m => _names[m.ProfileId], m => m.Email);
        Assert.Equal("b-of-unsubscribed-a-then-granted-b@example.com", contacts["unsubscribed-a-then-granted-b"]);
        Assert.Equal("b-of-granted-b-then-unsubscribed-a@example.com", contacts["granted-b-then-unsubscribed-a"]);
        Assert.Equal("granted@example.com", contacts["granted"]);
        Assert.Equal(page, whole);
        Assert.DoesNotContain(page, m => m.Email is "unsubscribed-a-then-granted-b@example.com" or "granted-b-then-unsubscribed-a@example.com" or "shared@example.com");
    }

    [Fact]
    public async Task A_split_leaves_each_side_with_its_own_statements()
    {
        // A: an address granted a month ago; B: a record without an address whose person unsubscribed later.
        var (a, b) = await TwoProfilesAsync(
            ("split-a", "split-a@example.com", (ConsentStatus.Granted, -30)), ("split-b", null, (ConsentStatus.Unsubscribed, -10)));
        var steward = new StewardActions(new DatabaseContexts(database), new FixedClock(Now));
        Assert.Equal(["split-a@example.com"], await ConsentedAsync(a.Profile));

        var merged = await steward.MergeAsync([await VersionAsync(a.Profile), await VersionAsync(b.Profile)], "test", CancellationToken.None);
        Assert.Equal(a.Profile, merged.Id);
        Assert.Empty(await ConsentedAsync(merged.Id)); // B's person-wide unsubscribe now speaks for A's address.

        var split = await steward.SplitAsync(b.Record, merged.Version, "test", CancellationToken.None);
        Assert.Equal(["split-a@example.com"], await ConsentedAsync(a.Profile));
        Assert.Empty(await ConsentedAsync(split.To.Id));
    }

    /// <summary>Two one-record profiles, each with one email statement (its address or none).</summary>
    private async Task<((Guid Profile, long Record) A, (Guid Profile, long Record) B)> TwoProfilesAsync(
        params (string Key, string? Address, (ConsentStatus Status, int DaysAgo) Statement)[] people)
    {
        await using var db = database.CreateContext();
        var connector = await db.Connectors.SingleAsync();
        var created = new List<(Guid, long)>();
        foreach (var (key, address, (status, daysAgo)) in people)
        {
            var record = new SourceRecord(connector.Id, key, Now, Now);
            if (address is not null)
            {
                record.Identifiers.Add(new RecordIdentifier(IdentifierKind.Email, address, address));
            }

            record.AddConsent(ConsentChannel.Email, status, Now.AddDays(daysAgo));
            db.SourceRecords.Add(record);
            var profile = new GoldenProfile(Guid.CreateVersion7(Now.AddHours(created.Count + 1)), Now);
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
            db.Memberships.Add(new ProfileMembership(record.Id, profile.Id, null, null, LinkOrigin.Seed, Now));
            await db.SaveChangesAsync();
            created.Add((profile.Id, record.Id));
        }

        return (created[0], created[1]);
    }

    private async Task<ProfileVersion> VersionAsync(Guid profile)
    {
        await using var db = database.CreateContext();
        return new ProfileVersion(profile, await db.Profiles.Where(p => p.Id == profile).Select(p => p.Version).SingleAsync());
    }

    private async Task<List<string>> ConsentedAsync(Guid profile)
    {
        await using var db = database.CreateContext();
        return await AudienceQuery.ConsentedPoints(db, ConsentChannel.Email).Where(c => c.ProfileId == profile).Select(c => c.ContactPoint).ToListAsync();
    }

    /// <summary>The email audience's members (profile id and email) in order, read as one page and as the whole audience.</summary>
    private async Task<(List<(Guid ProfileId, string? Email)> Page, List<(Guid ProfileId, string? Email)> Whole)> BothAsync(FrequencyCap cap)
    {
        await using var db = database.CreateContext();
        var page = (await AudienceQuery.Page(db, _segmentId, ConsentChannel.Email, cap, Now).OrderBy(m => m.ProfileId).ToListAsync()).Select(m => (m.ProfileId, m.Email)).ToList();
        var whole = (await AudienceQuery.Whole(db, _segmentId, ConsentChannel.Email, cap, Now).OrderBy(m => m.ProfileId).ToListAsync()).Select(m => (m.ProfileId, m.Email)).ToList();
        return (page, whole);
    }
}

public sealed class SqliteAudienceQueryTests(SqliteTestDatabase database) : AudienceQueryTests<SqliteTestDatabase>(database);

public sealed class PostgresAudienceQueryTests(PostgresTestDatabase database) : AudienceQueryTests<PostgresTestDatabase>(database);

public sealed class SqlServerAudienceQueryTests(SqlServerTestDatabase database) : AudienceQueryTests<SqlServerTestDatabase>(database);
