using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage;

namespace ProfileHub.Server.Segments;

/// <summary>One member of an audience, as pulled by a segmentation job.</summary>
internal sealed class AudienceMember
{
    public Guid ProfileId { get; init; }

    /// <summary>The channel the audience was pulled for: it decides which contact point an audience puller may read (ContactPointAccess).</summary>
    public ConsentChannel Channel { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public DateTimeOffset EnteredAt { get; init; }
}

/// <summary>
/// A segment's audience on a channel: its current members (materialised membership) whose latest consent
/// statement for the channel is Granted (so unsubscribed, bounced, spam-reporting and cleaned profiles, and
/// those who never consented, are out) and who had fewer than the cap's contacts on the channel in the cap's
/// window. Ordered by profile id for keyset paging on the (segment_id, profile_id) index.
/// Two shapes of the same condition, one for each way an audience is read:
/// <list type="bullet">
/// <item><see cref="Page"/>, a keyset page (GraphQL <c>audience</c>): every condition is correlated to the
/// member, so a page costs index probes for its own members only, wherever it starts;</item>
/// <item><see cref="Whole"/>, the whole audience (export): the frequency cap is an anti-join to the profiles
/// at the cap, grouped once from the window's contacts, so the database hash-joins a million members
/// instead of probing per member.</item>
/// </list>
/// Consent is a semi-join and an anti-join in both (a Granted statement with no later one), which the
/// database runs as probes under a page's LIMIT and as hash joins for the whole set.
/// </summary>
internal static class AudienceQuery
{
    public static IQueryable<AudienceMember> Page(ProfileHubDbContext db, int segmentId, ConsentChannel channel, FrequencyCap cap, DateTimeOffset now)
    {
        var members = Consenting(db, segmentId, channel);
        if (AudienceChannels.ContactsOf(channel) is { } contacts)
        {
            // Counted per member on the touchpoints (source_record_id, occurred_at) index: a short range each.
            var since = now.AddDays(-cap.Days);
            var limit = cap.Contacts;
            var windowContacts = WindowContacts(db, contacts, since);
            members = members.Where(s => windowContacts.Count(p => p == s.ProfileId) < limit);
        }

        return WithProfile(db, members, channel);
    }

    public static IQueryable<AudienceMember> Whole(ProfileHubDbContext db, int segmentId, ConsentChannel channel, FrequencyCap cap, DateTimeOffset now)
    {
        var members = Consenting(db, segmentId, channel);
        if (AudienceChannels.ContactsOf(channel) is { } contacts)
        {
            // The window's contacts come from the touchpoints (type, occurred_at, channel, ...) index of linked touchpoints (migrations 0008, 0009).
            var limit = cap.Contacts;
            var capped = WindowContacts(db, contacts, now.AddDays(-cap.Days)).GroupBy(p => p).Where(g => g.Count() >= limit).Select(g => g.Key);
            members = members.Where(s => !capped.Any(p => p == s.ProfileId));
        }

        return WithProfile(db, members, channel);
    }

    /// <summary>Current members whose latest statement is Granted: a Granted statement with no later one (observed later, or at the same time and recorded later) on any of the profile's records.</summary>
    private static IQueryable<SegmentMembership> Consenting(ProfileHubDbContext db, int segmentId, ConsentChannel channel)
    {
        var statements = db.Memberships.Join(db.Consents.Where(c => c.Channel == channel), m => m.RecordId, c => c.RecordId,
            (m, c) => new { m.ProfileId, c.Id, c.Status, c.ObservedAt });
        return db.SegmentMemberships.AsNoTracking()
            .Where(s => s.SegmentId == segmentId && s.ExitedAt == null)
            .Where(s => statements.Any(g => g.ProfileId == s.ProfileId && g.Status == ConsentStatus.Granted
                && !statements.Any(x => x.ProfileId == g.ProfileId && (x.ObservedAt > g.ObservedAt || (x.ObservedAt == g.ObservedAt && x.Id > g.Id)))));
    }

    /// <summary>The profile of each contact (one row per contact) on the channel since <paramref name="since"/>.</summary>
    private static IQueryable<Guid> WindowContacts(ProfileHubDbContext db, (TouchpointChannel Channel, string[] Types) contacts, DateTimeOffset since)
    {
        var (channel, types) = contacts;
        return db.Touchpoints.Where(t => t.Channel == channel && types.Contains(t.Type) && t.OccurredAt >= since)
            .Join(db.Memberships, t => t.SourceRecordId, m => (long?)m.RecordId, (t, m) => m.ProfileId);
    }

    private static IQueryable<AudienceMember> WithProfile(ProfileHubDbContext db, IQueryable<SegmentMembership> members, ConsentChannel channel) =>
        members.Join(db.Profiles.Where(p => p.Status == ProfileStatus.Active), s => s.ProfileId, p => p.Id, (s, p) => new AudienceMember
        {
            // The membership's column, not the profile's: the keyset bound and ORDER BY then run on the
            // (segment_id, profile_id) index, so the last page costs what the first does.
            ProfileId = s.ProfileId,
            Channel = channel,
            Email = p.PrimaryEmail,
            Phone = p.PrimaryPhone,
            GivenName = p.GivenName,
            FamilyName = p.FamilyName,
            EnteredAt = s.EnteredAt,
        });
}
