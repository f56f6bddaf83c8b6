using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage;

namespace ProfileHub.Server.Ingestion;

/// <summary>
/// Holds back what a source sends again about a person who was erased: a record whose source key or any
/// identifier hashes to an erasure tombstone is not stored, nor are touchpoints naming an erased source key.
/// Nothing is checked until the first erasure has created the installation's salt.
/// </summary>
internal sealed class ErasedPeople(string salt)
{
    public static async Task<ErasedPeople?> LoadAsync(ProfileHubDbContext db, CancellationToken cancellationToken) =>
        await ErasureSalt.FindAsync(db, cancellationToken) is { } salt ? new ErasedPeople(salt) : null;

    /// <summary>Removes the erased people's records and touchpoints from a batch; returns how many were held back.</summary>
    public async Task<int> HoldBackAsync(ProfileHubDbContext db, int connectorId, List<SourceRecord> records, List<Touchpoint> touchpoints, CancellationToken cancellationToken)
    {
        var recordHashes = records.ToDictionary(
            r => r,
            r => ErasureTombstone.KeysOf(connectorId, r.SourceKey, r.Identifiers.Select(i => (i.Kind, i.NormalizedValue))).Select(k => ErasureTombstone.HashOf(salt, k)).ToList());
        var touchpointHashes = touchpoints.Where(t => t.SourceKey is not null)
            .ToDictionary(t => t, t => ErasureTombstone.HashOf(salt, ErasureTombstone.SourceKey(connectorId, t.SourceKey!)));
        var all = recordHashes.Values.SelectMany(h => h).Concat(touchpointHashes.Values).Distinct().ToList();
        var erased = new HashSet<string>(
            await db.ErasureTombstones.AsNoTracking().WhereIn(t => t.Hash, all).Select(t => t.Hash).ToListAsync(cancellationToken),
            StringComparer.Ordinal);

        if (erased.Count == 0)
        {
            return 0;
        }

        var before = records.Count + touchpoints.Count;
        records.RemoveAll(r => recordHashes[r].Exists(erased.Contains));
        touchpoints.RemoveAll(t => touchpointHashes.TryGetValue(t, out var hash) && erased.Contains(hash));
        return before - records.Count - touchpoints.Count;
    }
}
