using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;
using ProfileHub.Storage;

namespace ProfileHub.Server.Stewardship;

internal sealed partial class StewardActions
{
    /// <summary>
    /// Right to erasure, of everything derived: deletes the profile's source records with everything hanging
    /// off them (identifiers, consent, touchpoints, memberships and their explanations, review and conflict
    /// items, pair constraints: foreign keys cascade), touchpoints that name the person only by source key,
    /// the profile's attributes and pins, segment memberships past and present and computed traits, and those
    /// of every profile that was merged into it; takes the person's events out of stored inbound payloads
    /// (<see cref="PayloadRedaction"/>) and deletes quarantined rows that name one of their addresses or
    /// numbers; redacts the snapshots of their audit events (the profile's and its records'). What remains:
    /// the profile ids (status ERASED, so old ids still answer), audit events without personal data, and
    /// salted hashes of the identifiers and source keys, so the next import of the same person is held back.
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
            var contactValues = identifiers.SelectMany(g => g)
                .Where(i => i.Kind is IdentifierKind.Email or IdentifierKind.Phone)
                .SelectMany(i => new[] { i.Value, i.NormalizedValue })
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var emails = identifiers.SelectMany(g => g).Where(i => i.Kind == IdentifierKind.Email).Select(i => i.NormalizedValue).Distinct().ToList();
            var payloads = await RedactPayloadsAsync(db, new PayloadRedaction([.. contactValues, .. records.Select(r => r.SourceKey)], emails), cancellationToken);
            var quarantined = 0;
            foreach (var value in contactValues.Select(v => v.ToLowerInvariant()).Distinct())
            {
#pragma warning disable CA1304, CA1311, CA1862 // EF Core sends string.ToLower() as SQL lower(), the one case-insensitive search both databases run; the culture and StringComparison overloads do not translate.
                quarantined += await db.QuarantinedRows.Where(q => q.RawPayload.ToLower().Contains(value)).ExecuteDeleteAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
            }

            await db.SegmentMemberships.WhereIn(s => s.ProfileId, ids).ExecuteDeleteAsync(cancellationToken);
            await db.ProfileTraits.WhereIn(t => t.ProfileId, ids).ExecuteDeleteAsync(cancellationToken);
            await db.SourceRecords.WhereIn(r => r.Id, recordIds).ExecuteDeleteAsync(cancellationToken);
            await db.StewardConstraints.Where(c => c.ProfileId != null).WhereIn(c => c.ProfileId!.Value, ids).ExecuteDeleteAsync(cancellationToken);
            var keysOfProfiles = ids.Select(id => id.ToString());
            foreach (var audit in await db.AuditEvents.Where(e => e.EntityType == "profile").WhereIn(e => e.EntityId, keysOfProfiles).ToListAsync(cancellationToken))
            {
                audit.Redact();
            }

            var keysOfRecords = recordIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var audit in await db.AuditEvents.Where(e => e.EntityType == "record").WhereIn(e => e.EntityId, keysOfRecords).ToListAsync(cancellationToken))
            {
                audit.Redact();
            }

            foreach (var erased in profiles)
            {
                erased.Erase(now);
            }

            var outcome = new ErasureOutcome(profile, records.Count, touchpoints, hashes.Count);
            Audit(db, actor, "erase", "profile", profile.Id.ToString(), null, new { records = outcome.Records, touchpoints, tombstones = hashes.Count, mergedProfiles = ids.Count - 1, payloads, quarantined });
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }, cancellationToken);

    /// <summary>
    /// Redacts the stored inbound payloads that mention the person (found by the database, case-insensitively,
    /// then taken apart here); a payload that is theirs alone is deleted. Returns how many changed.
    /// </summary>
    private static async Task<int> RedactPayloadsAsync(ProfileHubDbContext db, PayloadRedaction redaction, CancellationToken cancellationToken)
    {
        var ids = new HashSet<long>();
        foreach (var value in redaction.Values.Select(v => v.ToLowerInvariant()).Distinct())
        {
#pragma warning disable CA1304, CA1311, CA1862 // EF Core sends string.ToLower() as SQL lower(), the one case-insensitive search both databases run; the culture and StringComparison overloads do not translate.
            ids.UnionWith(await db.InboundPayloads.Where(p => p.Body.ToLower().Contains(value)).Select(p => p.Id).ToListAsync(cancellationToken));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var changed = 0;
        foreach (var payload in await db.InboundPayloads.WhereIn(p => p.Id, ids).ToListAsync(cancellationToken))
        {
            switch (redaction.Redact(payload.Body))
            {
                case null:
                    db.InboundPayloads.Remove(payload);
                    changed++;
                    break;
                case var body when body != payload.Body:
                    payload.Redact(body);
                    changed++;
                    break;
            }
        }

        return changed;
    }

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
