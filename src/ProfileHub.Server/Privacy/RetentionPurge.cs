using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Ingestion;
using ProfileHub.Storage;
using ProfileHub.Storage.Segments;

namespace ProfileHub.Server.Privacy;

/// <summary>
/// Retention per source: for each configured connector with `RetentionDays`, deletes its touchpoints that
/// occurred, its processed inbound payloads (stored SendGrid posts, Segment calls) that were received and its
/// quarantined rows that were quarantined before the cutoff (now minus the days), then rebuilds the computed
/// traits of every profile that lost touchpoints (<see cref="ProfileTraitFold.RecomputeAsync"/>) and records
/// the run (<see cref="RetentionRun"/>). A payload not yet processed is kept whatever its age: its rows are
/// not loaded yet, and deleting it would lose them. Deletes go in batches of <see cref="RetentionOptions.BatchSize"/>
/// rows, each its own statement and transaction, so a large purge never holds one long transaction (nor, on
/// SQLite, the single writer's lock for long). Source records stay: they are the person's identity, not their
/// history (erasure is what removes a person).
/// </summary>
internal sealed partial class RetentionPurge(
    IDbContextFactory<ProfileHubDbContext> contexts,
    IReadOnlyList<ConnectorDefinition> connectors,
    RetentionOptions options,
    TimeProvider clock,
    ILogger<RetentionPurge> logger)
{
    /// <summary>Purges every connector that has a retention period; one recorded run per connector.</summary>
    public async Task<IReadOnlyList<ConnectorRetention>> RunAsync(CancellationToken cancellationToken)
    {
        var runs = new List<ConnectorRetention>();
        // A disabled connector's old data is purged too: retention is about what is stored, not what is loaded.
        foreach (var connector in connectors.Where(c => c.RetentionDays is not null))
        {
            if (await PurgeAsync(connector.Name, connector.RetentionDays!.Value, cancellationToken) is { } run)
            {
                runs.Add(new ConnectorRetention(connector.Name, run));
            }
        }

        await PurgeReadAuditAsync(cancellationToken);
        return runs;
    }

    /// <summary>The audit of personal-data reads is kept <see cref="RetentionOptions.ReadAuditDays"/>, then deleted like a connector's history.</summary>
    private async Task PurgeReadAuditAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = clock.GetUtcNow().AddDays(-options.ReadAuditDays);
        var deleted = await DeleteInBatchesAsync(db.PersonalDataReads, r => r.ReadAt < cutoff, r => r.Id, r => new Deleted(r.Id, null), _ => { }, cancellationToken);
        LogReadAuditPurged(logger, options.ReadAuditDays, deleted);
    }

    private async Task<RetentionRun?> PurgeAsync(string name, int days, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connectorId = await db.Connectors.Where(c => c.Name == name).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (connectorId is not { } id)
        {
            return null; // Configured but never started: it has stored nothing yet.
        }

        var started = clock.GetUtcNow();
        var run = new RetentionRun(id, days, started.AddDays(-days), started);
        var cutoff = run.Cutoff;

        var records = new HashSet<long>();
        var touchpoints = await DeleteInBatchesAsync(
            db.Touchpoints, t => t.ConnectorId == id && t.OccurredAt < cutoff, t => t.Id,
            t => new Deleted(t.Id, t.SourceRecordId), deleted => records.UnionWith(deleted.Where(d => d.Record is not null).Select(d => d.Record!.Value)),
            cancellationToken);
        var payloads = await DeleteInBatchesAsync(
            db.InboundPayloads, p => p.ConnectorId == id && p.Processed && p.ReceivedAt < cutoff, p => p.Id,
            p => new Deleted(p.Id, null), _ => { }, cancellationToken);
        var quarantined = await DeleteInBatchesAsync(
            db.QuarantinedRows, q => q.ConnectorId == id && q.QuarantinedAt < cutoff, q => q.Id,
            q => new Deleted(q.Id, null), _ => { }, cancellationToken);

        var profiles = await db.Memberships.WhereIn(m => m.RecordId, records)
            .Where(m => db.Profiles.Any(p => p.Id == m.ProfileId && p.Status == ProfileStatus.Active))
            .Select(m => m.ProfileId).Distinct().ToListAsync(cancellationToken);
        var recomputed = await ProfileTraitFold.RecomputeAsync(db, profiles, cancellationToken);

        run.Finish(touchpoints, payloads, quarantined, profiles.Count, clock.GetUtcNow());
        db.RetentionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        LogPurged(logger, name, days, touchpoints, payloads, quarantined, profiles.Count, recomputed);
        return run;
    }

    /// <summary>
    /// Deletes the matching rows a batch at a time, in id order (a keyset: each batch starts after the last
    /// id of the one before, so the whole purge reads the table once), handing each batch's rows to
    /// <paramref name="seen"/> before deleting them. Returns how many went.
    /// </summary>
    private async Task<long> DeleteInBatchesAsync<T>(
        IQueryable<T> rows,
        Expression<Func<T, bool>> old,
        Expression<Func<T, long>> id,
        Expression<Func<T, Deleted>> select,
        Action<IReadOnlyList<Deleted>> seen,
        CancellationToken cancellationToken)
        where T : class
    {
        long deleted = 0;
        long after = 0;
        var candidates = rows.Where(old);
        while (true)
        {
            var from = after;
            var batch = await candidates.Where(Above(id, from)).OrderBy(id).Take(options.BatchSize).Select(select).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return deleted;
            }

            seen(batch);
            deleted += await rows.WhereIn(id, batch.Select(d => d.Id)).ExecuteDeleteAsync(cancellationToken);
            after = batch[^1].Id;
        }
    }

    /// <summary><c>row => id(row) > bound</c>, the bound captured so that EF sends it as a parameter (one statement text for every batch).</summary>
    private static Expression<Func<T, bool>> Above<T>(Expression<Func<T, long>> id, long bound)
    {
        Expression<Func<long>> captured = () => bound;
        return Expression.Lambda<Func<T, bool>>(Expression.GreaterThan(id.Body, captured.Body), id.Parameters);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention of the audit of personal-data reads ({Days} days): deleted {Rows} rows")]
    private static partial void LogReadAuditPurged(ILogger logger, int days, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention of connector {Connector} ({Days} days): deleted {Touchpoints} touchpoints, {Payloads} inbound payloads, {Quarantined} quarantined rows; {Profiles} profiles lost touchpoints ({Rebuilt} trait rows rebuilt)")]
    private static partial void LogPurged(ILogger logger, string connector, int days, long touchpoints, long payloads, long quarantined, int profiles, int rebuilt);

    /// <summary>A row about to be deleted: its id, and for a touchpoint its record (whose profile's traits are rebuilt).</summary>
    private sealed record Deleted(long Id, long? Record);
}

/// <summary>One connector's recorded purge.</summary>
internal sealed record ConnectorRetention(string Connector, RetentionRun Run);

/// <summary>
/// `ProfileHub:Retention`: when the retention job runs (a Quartz cron expression, default daily at 03:30
/// server time), how many rows one delete statement takes, and how long the audit of personal-data reads is
/// kept (two years by default: long enough to answer a data subject or a regulator about last year's reads,
/// bounded so the audit does not become a second, ever-growing history of who was looked at).
/// </summary>
internal sealed class RetentionOptions
{
    public const string Section = "ProfileHub:Retention";

    public string Schedule { get; set; } = "0 30 3 * * ?";

    public int BatchSize { get; set; } = 10_000;

    public int ReadAuditDays { get; set; } = 730;
}
