using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;
using ProfileHub.Storage;

namespace ProfileHub.Server.Stewardship;

internal sealed partial class StewardActions
{
    /// <summary>
    /// Right to erasure: deletes the profile's source records with everything hanging off them (identifiers,
    /// consent, touchpoints, memberships, review items, pair constraints: foreign keys cascade), touchpoints
    /// that name the person only by source key, the profile's attributes and pins, and those of every profile
    /// that was merged into it; redacts the snapshots of their audit events. What remains: the profile ids
    /// (status ERASED, so old ids still answer), an audit event without personal data, and salted hashes of
    /// the identifiers and source keys, so the next import of the same person is held back.
    /// </summary>
    public Task<ErasureOutcome> EraseAsync(ProfileVersion target, string actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var profile = await EditableAsync(db, target, cancellationToken);
            var now = clock.GetUtcNow();
            var profiles = await WithMergedAsync(db, profile, cancellationToken);
            var ids = profiles.Select(p => p.Id).ToList();
            var memberships = db.Memberships.WhereIn(m => m.ProfileId, ids);

            var records = await db.SourceRecords.AsNoTracking()
                .Where(r => memberships.Any(m => m.RecordId == r.Id))
                .Select(r => new { r.Id, r.ConnectorId, r.SourceKey })
                .ToListAsync(cancellationToken);
            var recordIds = records.Select(r => r.Id).ToList();
            var identifiers = (await db.RecordIdentifiers.AsNoTracking().WhereIn(i => i.RecordId, recordIds).ToListAsync(cancellationToken))
                .ToLookup(i => i.RecordId);

            var salt = await ErasureSalt.GetOrCreateAsync(db, clock, cancellationToken);
            var hashes = records
                .SelectMany(r => ErasureTombstone.KeysOf(r.ConnectorId, r.SourceKey, identifiers[r.Id].Select(i => (i.Kind, i.NormalizedValue))))
                .Select(key => ErasureTombstone.HashOf(salt, key))
                .Distinct()
                .ToList();
            var known = await db.ErasureTombstones.WhereIn(t => t.Hash, hashes).Select(t => t.Hash).ToListAsync(cancellationToken);
            db.ErasureTombstones.AddRange(hashes.Except(known).Select(h => new ErasureTombstone(h, now)));

            var touchpoints = 0;
            foreach (var bySource in records.GroupBy(r => r.ConnectorId))
            {
                touchpoints += await db.Touchpoints
                    .Where(t => t.ConnectorId == bySource.Key && t.SourceRecordId == null && t.SourceKey != null)
                    .WhereIn(t => t.SourceKey!, bySource.Select(r => r.SourceKey))
                    .ExecuteDeleteAsync(cancellationToken);
            }

            touchpoints += await db.Touchpoints.Where(t => t.SourceRecordId != null).WhereIn(t => t.SourceRecordId!.Value, recordIds).ExecuteDeleteAsync(cancellationToken);
            await db.SourceRecords.WhereIn(r => r.Id, recordIds).ExecuteDeleteAsync(cancellationToken);
            await db.StewardConstraints.Where(c => c.ProfileId != null).WhereIn(c => c.ProfileId!.Value, ids).ExecuteDeleteAsync(cancellationToken);
            var keysOfProfiles = ids.Select(id => id.ToString());
            foreach (var audit in await db.AuditEvents.Where(e => e.EntityType == "profile").WhereIn(e => e.EntityId, keysOfProfiles).ToListAsync(cancellationToken))
            {
                audit.Redact();
            }

            foreach (var erased in profiles)
            {
                erased.Erase(now);
            }

            var outcome = new ErasureOutcome(profile, records.Count, touchpoints, hashes.Count);
            Audit(db, actor, "erase", "profile", profile.Id.ToString(), null, new { records = outcome.Records, touchpoints, tombstones = hashes.Count, mergedProfiles = ids.Count - 1 });
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }, cancellationToken);

    /// <summary>The profile and every profile merged into it, directly or through a chain, tracked with their attributes.</summary>
    private static async Task<List<GoldenProfile>> WithMergedAsync(ProfileHubDbContext db, GoldenProfile profile, CancellationToken cancellationToken)
    {
        var all = new List<GoldenProfile> { profile };
        var frontier = new List<Guid> { profile.Id };
        while (frontier.Count > 0)
        {
            var next = await db.Profiles.Include(p => p.Attributes)
                .Where(p => p.MergedIntoId != null && p.Status == ProfileStatus.Merged)
                .WhereIn(p => p.MergedIntoId!.Value, frontier)
                .ToListAsync(cancellationToken);
            all.AddRange(next);
            frontier = [.. next.Select(p => p.Id)];
        }

        return all;
    }
}

/// <summary>What an erasure removed.</summary>
internal sealed record ErasureOutcome(GoldenProfile Profile, int Records, int Touchpoints, int Tombstones);
