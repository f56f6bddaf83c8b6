using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Server.Segments;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Segments;

/// <summary>
/// The two shapes of an audience, a keyset page (correlated per member) and the whole audience (anti-join to
/// the capped profiles), select the same members: consent decided by the latest statement over all of a
/// profile's records (ties on time broken by the later statement), the frequency cap, active profiles only.
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
                foreach (var (status, daysAgo) in statements)
                {
                    record.Consents.Add(new ConsentState(ConsentChannel.Email, status, Now.AddDays(daysAgo)));
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

        string[] expected = ["granted", "granted-after-unsubscribing", "granted-recorded-last-at-the-same-time", "under-the-cap"];
        Assert.Equal(expected, page.Select(id => _names[id]));
        Assert.Equal(page, whole);
    }

    [Fact]
    public async Task A_cap_nobody_reaches_leaves_consent_alone_to_decide()
    {
        var (page, whole) = await BothAsync(new FrequencyCap { Contacts = 100 });

        Assert.Equal(6, page.Count);
        Assert.Contains("at-the-cap-over-two-records", page.Select(id => _names[id]));
        Assert.Equal(page, whole);
    }

    /// <summary>The email audience's profile ids in order, read as one page and as the whole audience.</summary>
    private async Task<(List<Guid> Page, List<Guid> Whole)> BothAsync(FrequencyCap cap)
    {
        await using var db = database.CreateContext();
        var page = await AudienceQuery.Page(db, _segmentId, ConsentChannel.Email, cap, Now).OrderBy(m => m.ProfileId).Select(m => m.ProfileId).ToListAsync();
        var whole = await AudienceQuery.Whole(db, _segmentId, ConsentChannel.Email, cap, Now).OrderBy(m => m.ProfileId).Select(m => m.ProfileId).ToListAsync();
        return (page, whole);
    }
}

public sealed class SqliteAudienceQueryTests(SqliteTestDatabase database) : AudienceQueryTests<SqliteTestDatabase>(database);

public sealed class PostgresAudienceQueryTests(PostgresTestDatabase database) : AudienceQueryTests<PostgresTestDatabase>(database);

public sealed class SqlServerAudienceQueryTests(SqlServerTestDatabase database) : AudienceQueryTests<SqlServerTestDatabase>(database);
