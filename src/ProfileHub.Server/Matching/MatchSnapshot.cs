using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;
using ProfileHub.Storage;

namespace ProfileHub.Server.Matching;

/// <summary>
/// Everything a match run reads, loaded up front with a handful of set-based queries (no per-record round
/// trips): every source record with its identifiers and connector, current memberships, active profiles'
/// creation times, active steward constraints, the review pairs already queued and the newest stored model.
/// </summary>
internal sealed class MatchSnapshot
{
    public required IReadOnlyList<MatchRecord> Records { get; init; }

    public required Dictionary<long, Guid> ProfileOfRecord { get; init; }

    public required Dictionary<Guid, DateTimeOffset> ProfileCreatedAt { get; init; }

    public required IReadOnlyList<StewardConstraint> Constraints { get; init; }

    /// <summary>What the engine resolves from: the records, their current profiles and the constraints.</summary>
    public MatchBasis Basis => new(Records, ProfileOfRecord, Constraints);

    public required HashSet<(long, long)> QueuedPairs { get; init; }

    public string? ModelDocument { get; init; }

    /// <summary>How many records the stored model was trained on.</summary>
    public int ModelRecordCount { get; init; }

    /// <summary>The latest ingestion time among the loaded records: records re-ingested after it keep their flag.</summary>
    public DateTimeOffset LoadedUpTo { get; init; }

    public static async Task<MatchSnapshot> LoadAsync(ProfileHubDbContext db, CancellationToken cancellationToken)
    {
        var (records, loadedUpTo) = await LoadRecordsAsync(db, db.SourceRecords, cancellationToken);
        var model = await db.MatchModels.AsNoTracking()
            .OrderByDescending(m => m.TrainedAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.Document, m.RecordCount })
            .FirstOrDefaultAsync(cancellationToken);
        return new MatchSnapshot
        {
            Records = records,
            LoadedUpTo = loadedUpTo,
            ProfileOfRecord = await db.Memberships.AsNoTracking().ToDictionaryAsync(m => m.RecordId, m => m.ProfileId, cancellationToken),
            ProfileCreatedAt = await db.Profiles.AsNoTracking()
                .Where(p => p.Status == ProfileStatus.Active)
                .ToDictionaryAsync(p => p.Id, p => p.CreatedAt, cancellationToken),
            Constraints = await db.StewardConstraints.AsNoTracking().Where(c => c.RevokedAt == null).OrderBy(c => c.Id).ToListAsync(cancellationToken),
            QueuedPairs = [.. (await db.ReviewItems.AsNoTracking().Select(r => new { r.RecordA, r.RecordB }).ToListAsync(cancellationToken))
                .Select(r => (r.RecordA, r.RecordB))],
            ModelDocument = model?.Document,
            ModelRecordCount = model?.RecordCount ?? 0,
        };
    }

    /// <summary>
    /// The given source records as matching and survivorship see them (connector name and trust, identifiers),
    /// in id order, with the latest ingestion time among them. Two set-based queries whatever the count.
    /// </summary>
    public static async Task<(List<MatchRecord> Records, DateTimeOffset LoadedUpTo)> LoadRecordsAsync(
        ProfileHubDbContext db, IQueryable<SourceRecord> which, CancellationToken cancellationToken)
    {
        var connectors = await db.Connectors.AsNoTracking()
            .ToDictionaryAsync(c => c.Id, c => (c.Name, c.Trust), cancellationToken);
        var rows = await which.AsNoTracking()
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.ConnectorId, r.ObservedAt, r.IngestedAt, r.NeedsMatching, r.FirstName, r.LastName, r.FullName,
                r.Address.StreetNumber, r.Address.Street, r.Address.AddressLine2, r.Address.City, r.Address.Region,
                r.Address.PostalCode, r.Address.Country, r.BirthDate, r.BirthDateRaw, r.Gender,
            })
            .ToListAsync(cancellationToken);
        var records = new List<MatchRecord>(rows.Count);
        var byId = new Dictionary<long, MatchRecord>(rows.Count);
        var loadedUpTo = DateTimeOffset.MinValue;
        foreach (var row in rows)
        {
            var (source, trust) = connectors[row.ConnectorId];
            var record = new MatchRecord
            {
                Id = row.Id, Source = source, Trust = trust, ObservedAt = row.ObservedAt, NeedsMatching = row.NeedsMatching,
                FirstName = row.FirstName, LastName = row.LastName, FullName = row.FullName,
                StreetNumber = row.StreetNumber, Street = row.Street, AddressLine2 = row.AddressLine2, City = row.City,
                Region = row.Region, PostalCode = row.PostalCode, Country = row.Country,
                BirthDate = row.BirthDate, BirthDateRaw = row.BirthDateRaw, Gender = row.Gender,
            };
            records.Add(record);
            byId.Add(record.Id, record);
            loadedUpTo = row.IngestedAt > loadedUpTo ? row.IngestedAt : loadedUpTo;
        }

        var identifiers = db.RecordIdentifiers.AsNoTracking();
        if (!ReferenceEquals(which, db.SourceRecords))
        {
            // A subset: only its identifiers (the whole store streams every identifier instead).
            var ids = which.Select(r => r.Id);
            identifiers = identifiers.Where(i => ids.Contains(i.RecordId));
        }

        await foreach (var identifier in identifiers.OrderBy(i => i.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (byId.TryGetValue(identifier.RecordId, out var record))
            {
                record.Identifiers.Add(identifier);
            }
        }

        return (records, loadedUpTo);
    }
}
