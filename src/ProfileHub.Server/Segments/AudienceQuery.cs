using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Storage;

namespace ProfileHub.Server.Segments;

/// <summary>One member of an audience, as pulled by a segmentation job.</summary>
internal sealed class AudienceMember
{
    public Guid ProfileId { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public DateTimeOffset EnteredAt { get; init; }
}

/// <summary>
/// A segment's audience on a channel, as one query: its current members (materialised membership) whose
/// latest consent statement for the channel is Granted (so unsubscribed, bounced, spam-reporting and cleaned
/// profiles, and those who never consented, are out) and who had fewer than the cap's contacts on the channel
/// in the cap's window. Ordered by profile id for keyset paging on the (segment_id, profile_id) index.
/// </summary>
internal static class AudienceQuery
{
    public static IQueryable<AudienceMember> Members(ProfileHubDbContext db, int segmentId, ConsentChannel channel, FrequencyCap cap, DateTimeOffset now)
    {
        var since = now.AddDays(-cap.Days);
        var limit = cap.Contacts;
        var members = db.SegmentMemberships.AsNoTracking().Where(m => m.SegmentId == segmentId && m.ExitedAt == null)
            .Where(s => db.Memberships.Where(m => m.ProfileId == s.ProfileId)
                .Join(db.Consents.Where(c => c.Channel == channel), m => m.RecordId, c => c.RecordId, (m, c) => c)
                .OrderByDescending(c => c.ObservedAt).ThenByDescending(c => c.Id)
                .Select(c => (ConsentStatus?)c.Status)
                .FirstOrDefault() == ConsentStatus.Granted);
        if (AudienceChannels.ContactsOf(channel) is { } contacts)
        {
            var touchpointChannel = contacts.Channel;
            var types = contacts.Types;
            members = members.Where(s => db.Memberships.Where(m => m.ProfileId == s.ProfileId)
                .Join(db.Touchpoints.Where(t => t.Channel == touchpointChannel && types.Contains(t.Type) && t.OccurredAt >= since), m => (long?)m.RecordId, t => t.SourceRecordId, (m, t) => t.Id)
                .Count() < limit);
        }

        return members.Join(db.Profiles.Where(p => p.Status == ProfileStatus.Active), s => s.ProfileId, p => p.Id, (s, p) => new AudienceMember
        {
            // The membership's column, not the profile's: the keyset bound and ORDER BY then run on the
            // (segment_id, profile_id) index, so the last page costs what the first does.
            ProfileId = s.ProfileId,
            Email = p.PrimaryEmail,
            Phone = p.PrimaryPhone,
            GivenName = p.GivenName,
            FamilyName = p.FamilyName,
            EnteredAt = s.EnteredAt,
        });
    }
}
