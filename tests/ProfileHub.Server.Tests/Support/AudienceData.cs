using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// A segment of eight members written straight to the store: p0 to p6 granted email consent, p7 unsubscribed;
/// p0's family name needs CSV quoting.
/// </summary>
internal static class AudienceData
{
    public static async Task SeedAsync(TestDatabase database, string segmentName, DateTimeOffset now)
    {
        await using var db = database.CreateContext();
        var connector = new Connector("crm", ConnectorKind.File, 50, now);
        db.Connectors.Add(connector);
        var segment = new Segment(segmentName, "touchpoints >= 0", null, null, now);
        db.Segments.Add(segment);
        await db.SaveChangesAsync();
        var lineage = new AttributeLineage(null, "crm", now, "SourceTrust", false);
        for (var i = 0; i < 8; i++)
        {
            var record = new SourceRecord(connector.Id, $"p{i}", now, now);
            record.Consents.Add(new ConsentState(ConsentChannel.Email, i == 7 ? ConsentStatus.Unsubscribed : ConsentStatus.Granted, now.AddDays(-1)));
            db.SourceRecords.Add(record);
            var profile = new GoldenProfile(Guid.CreateVersion7(now.AddMinutes(i)), now);
            profile.ReplaceAttributes([new ProfileAttributeValue(AttributeNames.Email, $"p{i}@example.com", 0, lineage), new ProfileAttributeValue(AttributeNames.LastName, i == 0 ? "O\"Neil, Jr" : $"Person{i}", 0, lineage)], now);
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
            db.Memberships.Add(new ProfileMembership(record.Id, profile.Id, null, null, LinkOrigin.Seed, now));
            db.SegmentMemberships.Add(new SegmentMembership(segment.Id, profile.Id, now));
        }

        await db.SaveChangesAsync();
    }
}
