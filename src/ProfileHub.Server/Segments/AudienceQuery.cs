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

    /// <summary>
    /// The member's address on a channel with contact points (email, sms, phone) whose own latest statement is
    /// a grant: the survived primary where it is one, else the first in order. Null on mail and ads.
    /// </summary>
    public string? ContactPoint { get; init; }

    public string? SurvivedEmail { get; init; }

    public string? SurvivedPhone { get; init; }

    /// <summary>On an email audience the consented address, never merely the survived one; else the survived email.</summary>
    public string? Email => Channel == ConsentChannel.Email ? ContactPoint : SurvivedEmail;

    /// <summary>On an sms or phone audience the consented number; else the survived phone.</summary>
    public string? Phone => Channel is ConsentChannel.Sms or ConsentChannel.Phone ? ContactPoint : SurvivedPhone;

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public DateTimeOffset EnteredAt { get; init; }
}

/// <summary>
/// A segment's audience on a channel: its current members (materialised membership) with consent on the
/// channel (<see cref="ConsentedPoints"/> where the channel has contact points, else the person's latest
/// statement: unsubscribed, bounced, spam-reporting, cleaned and never-asked are out) and who had fewer than
/// the cap's contacts on the channel in the cap's window. Ordered by profile id for keyset paging on the (segment_id, profile_id) index.
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

    /// <summary>Current members with consent on the channel: a consented contact point, or on mail and ads a Granted statement with no later one (observed later, or at the same time and recorded later) on any of the profile's records.</summary>
    private static IQueryable<SegmentMembership> Consenting(ProfileHubDbContext db, int segmentId, ConsentChannel channel)
    {
        var current = db.SegmentMemberships.AsNoTracking().Where(s => s.SegmentId == segmentId && s.ExitedAt == null);
        if (ContactPoints.KindOf(channel) is not null)
        {
            var consented = ConsentedPoints(db, channel);
            return current.Where(s => consented.Any(g => g.ProfileId == s.ProfileId));
        }

        var statements = db.Memberships.Join(db.Consents.Where(c => c.Channel == channel), m => m.RecordId, c => c.RecordId,
            (m, c) => new { m.ProfileId, c.Id, c.Status, c.ObservedAt });
        return current.Where(s => statements.Any(g => g.ProfileId == s.ProfileId && g.Status == ConsentStatus.Granted
            && !statements.Any(x => x.ProfileId == g.ProfileId && (x.ObservedAt > g.ObservedAt || (x.ObservedAt == g.ObservedAt && x.Id > g.Id)))));
    }

    /// <summary>
    /// Each profile's contact points on the channel that may be contacted. The one rule of consent per contact
    /// point (README, Privacy): a channel-wide Granted statement about the address, on one of the profile's
    /// records, that nothing later says otherwise of:
    /// <list type="bullet">
    /// <item>no later statement about the same address from any record, whoever's (an unsubscribe, bounce or
    /// spam report of an address stops it, whatever the person's other addresses say; a shared address that
    /// one of its people unsubscribed is unsubscribed), a denial of one purpose (a SendGrid group) included,
    /// since an audience names no purpose; a purpose's grant neither grants nor revokes the channel;</item>
    /// <item>no later, or simultaneous, denial by one of the profile's records that named no address (it
    /// speaks for the person, so for each of their addresses).</item>
    /// </list>
    /// Ties on time go to the statement recorded later, as on mail and ads.
    /// </summary>
    public static IQueryable<ConsentedPoint> ConsentedPoints(ProfileHubDbContext db, ConsentChannel channel)
    {
        var aboutPoints = db.Consents.Where(c => c.Channel == channel && c.ContactPoint != null && (c.Scope == null || c.Status != ConsentStatus.Granted));
        var personDenials = db.Memberships.Join(
            db.Consents.Where(c => c.Channel == channel && c.ContactPoint == null && c.Status != ConsentStatus.Granted), m => m.RecordId, c => c.RecordId,
            (m, c) => new { m.ProfileId, c.ObservedAt });
        return db.Memberships.Join(aboutPoints.Where(c => c.Status == ConsentStatus.Granted), m => m.RecordId, c => c.RecordId, (m, c) => new { m.ProfileId, Grant = c })
            .Where(g => !aboutPoints.Any(x => x.ContactPoint == g.Grant.ContactPoint
                && (x.ObservedAt > g.Grant.ObservedAt || (x.ObservedAt == g.Grant.ObservedAt && x.Id > g.Grant.Id))))
            .Where(g => !personDenials.Any(x => x.ProfileId == g.ProfileId && x.ObservedAt >= g.Grant.ObservedAt))
            .Select(g => new ConsentedPoint { ProfileId = g.ProfileId, ContactPoint = g.Grant.ContactPoint! });
    }

    /// <summary>The profile of each contact (one row per contact) on the channel since <paramref name="since"/>.</summary>
    private static IQueryable<Guid> WindowContacts(ProfileHubDbContext db, (TouchpointChannel Channel, string[] Types) contacts, DateTimeOffset since)
    {
        var (channel, types) = contacts;
        return db.Touchpoints.Where(t => t.Channel == channel && types.Contains(t.Type) && t.OccurredAt >= since)
            .Join(db.Memberships, t => t.SourceRecordId, m => (long?)m.RecordId, (t, m) => m.ProfileId);
    }

    private static IQueryable<AudienceMember> WithProfile(ProfileHubDbContext db, IQueryable<SegmentMembership> members, ConsentChannel channel)
    {
        // On mail and ads no statement names a contact point, so this finds none and ContactPoint stays null.
        var consented = ConsentedPoints(db, channel);
        return members.Join(db.Profiles.Where(p => p.Status == ProfileStatus.Active), s => s.ProfileId, p => p.Id, (s, p) => new AudienceMember
        {
            // The membership's column, not the profile's: the keyset bound and ORDER BY then run on the
            // (segment_id, profile_id) index, so the last page costs what the first does.
            ProfileId = s.ProfileId,
            Channel = channel,

            // The survived primary where it is consented (an email never equals a phone, so one condition
            // serves either channel), else the first consented one. Aggregates, not ORDER BY ... LIMIT 1:
            // SQLite cannot see the outer profile from a limited subquery.
            ContactPoint = consented.Where(g => g.ProfileId == s.ProfileId && (g.ContactPoint == p.PrimaryEmail || g.ContactPoint == p.PrimaryPhone)).Min(g => g.ContactPoint)
                ?? consented.Where(g => g.ProfileId == s.ProfileId).Min(g => g.ContactPoint),
            SurvivedEmail = p.PrimaryEmail,
            SurvivedPhone = p.PrimaryPhone,
            GivenName = p.GivenName,
            FamilyName = p.FamilyName,
            EnteredAt = s.EnteredAt,
        });
    }
}

/// <summary>A contact point of a profile that may be contacted on a channel (<see cref="AudienceQuery.ConsentedPoints"/>).</summary>
internal sealed class ConsentedPoint
{
    public Guid ProfileId { get; init; }

    public string ContactPoint { get; init; } = string.Empty;
}
