using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;
using ProfileHub.Core.Survivorship;
using ProfileHub.Storage;

namespace ProfileHub.Server.Matching;

/// <summary>
/// <see cref="ProfileSurvivorship"/> (Core's rule) run against the database: pins that follow a merge, and
/// survivorship again for profiles a steward changed.
/// </summary>
internal static class StoredSurvivorship
{
    /// <summary>Moves the active pins of merged profiles to the profiles they were merged into (in the current unit of work).</summary>
    public static async Task MovePinsAsync(ProfileHubDbContext db, IReadOnlyDictionary<Guid, Guid> merges, CancellationToken cancellationToken)
    {
        if (merges.Count == 0)
        {
            return;
        }

        var pins = await db.StewardConstraints
            .Where(c => c.Kind == ConstraintKind.PinnedValue && c.RevokedAt == null && c.ProfileId != null)
            .WhereIn(c => c.ProfileId!.Value, merges.Keys)
            .ToListAsync(cancellationToken);
        foreach (var pin in pins)
        {
            pin.MovePinTo(merges[pin.ProfileId!.Value]);
        }
    }

    /// <summary>
    /// Survivorship again for profiles a steward changed (members moved, a value pinned): their members and
    /// pins as saved so far in the current transaction. The profiles must be tracked with their attributes.
    /// </summary>
    public static async Task RecomputeAsync(
        ProfileHubDbContext db, IReadOnlyCollection<GoldenProfile> profiles, SurvivorshipPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = profiles.Select(p => p.Id).ToList();
        var memberships = db.Memberships.WhereIn(m => m.ProfileId, ids);
        var memberOf = await memberships.ToDictionaryAsync(m => m.RecordId, m => m.ProfileId, cancellationToken);
        var (records, _) = await MatchSnapshot.LoadRecordsAsync(db, db.SourceRecords.Where(r => memberships.Any(m => m.RecordId == r.Id)), cancellationToken);
        var pins = ProfileSurvivorship.PinsByProfile(await db.StewardConstraints.AsNoTracking()
            .Where(c => c.Kind == ConstraintKind.PinnedValue && c.RevokedAt == null && c.ProfileId != null)
            .WhereIn(c => c.ProfileId!.Value, ids)
            .ToListAsync(cancellationToken));
        foreach (var profile in profiles)
        {
            var members = records.Where(r => memberOf[r.Id] == profile.Id).ToList();
            profile.ReplaceAttributes(ProfileSurvivorship.Survive(members, pins.GetValueOrDefault(profile.Id), policy), now);
        }
    }
}
