using Microsoft.EntityFrameworkCore;

namespace ProfileHub.Storage.Segments;

/// <summary>Transaction-scoped locks for the trait fold and for each segment's refresh (no-ops on SQLite, whose write transactions are exclusive).</summary>
internal static class SegmentLocks
{
    // Any constants work, as long as they differ from the migration lock and from each other.
    private const long TraitFold = 0x5472616974;
    private const long SegmentBase = 0x5365676d00000000;

    public static Task TraitFoldAsync(ProfileHubDbContext db, CancellationToken cancellationToken) => HoldAsync(db, TraitFold, cancellationToken);

    public static Task SegmentAsync(ProfileHubDbContext db, int segmentId, CancellationToken cancellationToken) => HoldAsync(db, SegmentBase + segmentId, cancellationToken);

    private static async Task HoldAsync(ProfileHubDbContext db, long key, CancellationToken cancellationToken)
    {
        if (db.Provider.TransactionLockSql(key) is { } sql)
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }
}
