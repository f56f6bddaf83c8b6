using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;

namespace ProfileHub.Storage.Segments;

/// <summary>What a refresh changed.</summary>
public sealed record RefreshSummary(int Entered, int Exited, int Members);

/// <summary>
/// Materialises a segment's membership with set-based SQL in one transaction: members who no longer match
/// get exited_at (UPDATE ... WHERE NOT EXISTS among the rule's profiles: an anti-join, where NOT IN would
/// rescan the rule's profiles per member once they outgrow PostgreSQL's work_mem), profiles that match without an open stay are
/// inserted with entered_at (INSERT ... SELECT over the rule's query, as EF Core generated it).
/// </summary>
public static class SegmentRefresh
{
    private const int BulkChange = 10_000;

    public static async Task<RefreshSummary> RunAsync(ProfileHubDbContext db, Segment segment, IQueryable<GoldenProfile> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(segment);
        var id = segment.Id;
        var at = now.ToUniversalTime();
        var owned = db.Database.CurrentTransaction is null;
        await using var transaction = owned ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await SegmentLocks.SegmentAsync(db, id, cancellationToken);

        var memberIds = members.Select(p => p.Id);
        var exited = await db.SegmentMemberships
            .Where(m => m.SegmentId == id && m.ExitedAt == null && !memberIds.Any(p => p == m.ProfileId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExitedAt, at), cancellationToken);

        var newcomers = memberIds.Where(p => !db.SegmentMemberships.Any(m => m.SegmentId == id && m.ProfileId == p && m.ExitedAt == null));
        await using var command = newcomers.CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
#pragma warning disable CA2100 // EF Core's own SQL for the rule's query, wrapped; every value is a parameter.
        command.CommandText = $"INSERT INTO segment_memberships (segment_id, profile_id, entered_at) SELECT @segment_id, x.id, @entered_at FROM ({command.CommandText}) AS x";
#pragma warning restore CA2100
        command.Parameters.Add(RawParameters.Create<SegmentMembership>(db, command, "segment_id", nameof(SegmentMembership.SegmentId), id));
        command.Parameters.Add(RawParameters.Create<SegmentMembership>(db, command, "entered_at", nameof(SegmentMembership.EnteredAt), at));
        var entered = await command.ExecuteNonQueryAsync(cancellationToken);

        var count = await db.SegmentMemberships.CountAsync(m => m.SegmentId == id && m.ExitedAt == null, cancellationToken);
        segment.Refreshed(count, at);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        // A refresh that moved many rows (a new segment's first million members) leaves the planner's row
        // counts stale until autovacuum comes by: an audience read straight after would plan per-member
        // probes for a million members.
        if (entered + exited >= BulkChange && db.Provider.AnalyzeSql("segment_memberships") is { } analyze)
        {
            await db.Database.ExecuteSqlRawAsync(analyze, cancellationToken);
        }

        return new RefreshSummary(entered, exited, count);
    }
}
