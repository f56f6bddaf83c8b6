using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Storage.Segments;

/// <summary>What one fold did.</summary>
public sealed record TraitFoldSummary(long FromWatermark, long ToWatermark, int ProfilesRecomputed, int RowsWritten);

/// <summary>
/// Maintains <see cref="ProfileTraits"/> incrementally, with set-based SQL only:
/// <list type="number">
/// <item>the touchpoints with an id above the stored watermark (the highest id folded) are aggregated per
/// profile and added to the stored rows (INSERT ... ON CONFLICT DO UPDATE; MERGE on SQL Server: <see cref="Providers.StorageProvider.Upsert"/>);</item>
/// <item>the profiles whose records changed since the last fold (a membership linked after it: a merge, a
/// split, a newly matched record) have their row deleted and rebuilt from all their touchpoints in the same
/// statement; rows of profiles that are no longer active are deleted.</item>
/// </list>
/// When there are no rows yet, the first fold is a full fold: every active profile's touchpoints up to the
/// highest id at its start, computed in chunks of profile ids (one statement and one transaction each, the
/// progress kept in <see cref="TraitFoldProgress"/>), so a fold over tens of millions of touchpoints holds no
/// long transaction and a killed one resumes at its next chunk. The incremental step then runs as usual.
/// Purchases and the satisfaction rule are Journey's. Limits: a touchpoint that arrives with an id below the
/// watermark (a transaction still open during the fold) waits for its profile's next recompute.
/// </summary>
public static class ProfileTraitFold
{
    /// <summary>Profiles per chunk of a full fold: about a million touchpoints at twenty per profile.</summary>
    public const int DefaultChunkSize = 50_000;

    public static Task<TraitFoldSummary> RunAsync(ProfileHubDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync(db, now, DefaultChunkSize, cancellationToken);

    public static async Task<TraitFoldSummary> RunAsync(ProfileHubDbContext db, DateTimeOffset now, int chunkSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var full = await FullFoldAsync(db, now, chunkSize, cancellationToken);
        var incremental = await IncrementalAsync(db, now, cancellationToken);
        return full == 0 ? incremental : incremental with
        {
            FromWatermark = 0,
            ProfilesRecomputed = incremental.ProfilesRecomputed + full,
            RowsWritten = incremental.RowsWritten + full,
        };
    }

    /// <summary>Runs a full fold when there are no traits yet, or resumes an unfinished one; returns the rows it wrote (0 when none ran).</summary>
    private static async Task<int> FullFoldAsync(ProfileHubDbContext db, DateTimeOffset now, int chunkSize, CancellationToken cancellationToken)
    {
        if (!await StartFullFoldAsync(db, now, cancellationToken))
        {
            return 0;
        }

        var written = 0;
        while (await FoldChunkAsync(db, chunkSize, cancellationToken) is { } chunk)
        {
            written += chunk;
        }

        // Rules read the traits next: plan them for the rows just written, not for the empty table.
        if (db.Provider.AnalyzeSql("profile_traits") is { } analyze)
        {
            await db.Database.ExecuteSqlRawAsync(analyze, cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// True when a full fold is to run: one was left unfinished, or there are no traits and a new one is
    /// recorded (up to the highest touchpoint id now, started at <paramref name="now"/>).
    /// </summary>
    internal static async Task<bool> StartFullFoldAsync(ProfileHubDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SegmentLocks.TraitFoldAsync(db, cancellationToken);
        var progress = await db.Set<TraitFoldProgress>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (progress is not { CompletedAt: null })
        {
            if (await db.ProfileTraits.AnyAsync(cancellationToken))
            {
                return false;
            }

            var high = await db.Touchpoints.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
            await db.Set<TraitFoldProgress>().ExecuteDeleteAsync(cancellationToken);
            db.Add(new TraitFoldProgress(high, now));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Folds the next <paramref name="chunkSize"/> profiles (in id order, after the progress row's
    /// folded_through) and advances the progress in the same transaction; null when the fold is complete
    /// (possibly by another process: the lock serialises the chunks of concurrent folds).
    /// </summary>
    internal static async Task<int?> FoldChunkAsync(ProfileHubDbContext db, int chunkSize, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SegmentLocks.TraitFoldAsync(db, cancellationToken);
        var progress = await db.Set<TraitFoldProgress>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (progress is not { CompletedAt: null })
        {
            return null;
        }

        var after = progress.FoldedThrough;
        var profiles = db.Profiles.AsNoTracking().Select(p => p.Id);
        if (after is { } bound)
        {
            profiles = profiles.Where(id => id.CompareTo(bound) > 0);
        }

        // The chunk's last profile id; null when fewer than a chunk remain (this chunk runs to the end).
        var last = await profiles.OrderBy(id => id).Skip(chunkSize - 1).Select(id => (Guid?)id).FirstOrDefaultAsync(cancellationToken);

        await using var command = RawParameters.Command(db);
        var range = (after is null ? string.Empty : " AND p.id > @after") + (last is null ? string.Empty : " AND p.id <= @last");
#pragma warning disable CA2100 // The SQL is ProfileHub's own text with provider fragments; values are parameters.
        command.CommandText = FoldSql(db.Provider, WholeProfilesBatch(range));
#pragma warning restore CA2100
        command.Parameters.Add(RawParameters.Create<ProfileTraits>(db, command, "high", nameof(ProfileTraits.Watermark), progress.HighWatermark));
        command.Parameters.Add(RawParameters.Create<ProfileTraits>(db, command, "now", nameof(ProfileTraits.ComputedAt), progress.StartedAt));
        if (after is not null)
        {
            command.Parameters.Add(RawParameters.Create<ProfileTraits>(db, command, "after", nameof(ProfileTraits.ProfileId), after));
        }

        if (last is not null)
        {
            command.Parameters.Add(RawParameters.Create<ProfileTraits>(db, command, "last", nameof(ProfileTraits.ProfileId), last));
        }

        var written = await command.ExecuteNonQueryAsync(cancellationToken);
        var progressRow = db.Set<TraitFoldProgress>().Where(p => p.Id == TraitFoldProgress.SingletonId);
        if (last is { } through)
        {
            await progressRow.ExecuteUpdateAsync(s => s.SetProperty(p => p.FoldedThrough, through), cancellationToken);
        }
        else
        {
            // Completed at the fold's own start time: the clock of the process that finishes it is not needed.
            await progressRow.ExecuteUpdateAsync(s => s.SetProperty(p => p.CompletedAt, progress.StartedAt), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private static async Task<TraitFoldSummary> IncrementalAsync(ProfileHubDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SegmentLocks.TraitFoldAsync(db, cancellationToken);
        var high = await db.Touchpoints.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        var low = await db.ProfileTraits.MaxAsync(t => (long?)t.Watermark, cancellationToken) ?? 0;
        var since = await db.ProfileTraits.MaxAsync(t => (DateTimeOffset?)t.ComputedAt, cancellationToken) ?? DateTimeOffset.MinValue;

        var changed = await db.ProfileTraits
            .Where(t => db.Memberships.Any(m => m.ProfileId == t.ProfileId && m.LinkedAt > since)
                || db.Profiles.Any(p => p.Id == t.ProfileId && p.Status != ProfileStatus.Active))
            .ExecuteDeleteAsync(cancellationToken);

        await using var command = RawParameters.Command(db);
#pragma warning disable CA2100 // The SQL is ProfileHub's own text with provider fragments; values are parameters.
        // The batch: new touchpoints (by id, on the primary key) of unchanged profiles, and all touchpoints of
        // the profiles whose rows were just deleted for a recompute (their records changed since the last fold).
        // Two halves of a UNION rather than one OR, so each half uses its index; NOT EXISTS rather than NOT IN,
        // an anti-join whatever the number of changed profiles.
        command.CommandText = FoldSql(db.Provider, $"""
            changed AS (
                SELECT DISTINCT c.profile_id FROM profile_memberships c WHERE c.linked_at > @since
            ),
            batch AS (
                SELECT m.profile_id, t.id, t.channel, t.type, t.occurred_at, t.amount, t.metrics, t.properties
                FROM touchpoints t
                JOIN profile_memberships m ON m.record_id = t.source_record_id
                JOIN profiles p ON p.id = m.profile_id AND p.status = '{ProfileStatus.Active}'
                WHERE t.id > @low AND t.id <= @high AND NOT EXISTS (SELECT 1 FROM changed c WHERE c.profile_id = m.profile_id)
                UNION ALL
                SELECT m.profile_id, t.id, t.channel, t.type, t.occurred_at, t.amount, t.metrics, t.properties
                FROM changed c
                JOIN profiles p ON p.id = c.profile_id AND p.status = '{ProfileStatus.Active}'
                JOIN profile_memberships m ON m.profile_id = c.profile_id
                JOIN touchpoints t ON t.source_record_id = m.record_id
                WHERE t.id <= @high
            )
            """);
#pragma warning restore CA2100
        command.Parameters.Add(RawParameters.Create<ProfileTraits>(db, command, "low", nameof(ProfileTraits.Watermark), low));
        command.Parameters.Add(RawParameters.Create<ProfileTraits>(db, command, "high", nameof(ProfileTraits.Watermark), high));
        command.Parameters.Add(RawParameters.Create<ProfileTraits>(db, command, "since", nameof(ProfileTraits.ComputedAt), since));
        command.Parameters.Add(RawParameters.Create<ProfileTraits>(db, command, "now", nameof(ProfileTraits.ComputedAt), now));
        var written = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TraitFoldSummary(low, high, changed, written);
    }

    /// <summary>
    /// Rebuilds the rows of <paramref name="profiles"/> from the touchpoints they still have (after a retention
    /// purge took some away: the incremental fold only ever adds). Their rows are deleted, then those of them
    /// that are active and have touchpoints up to the stored watermark are folded from all of them, in the same
    /// statement as a full fold's chunk; touchpoints above the watermark are the next incremental fold's, as
    /// always. Other profiles are not touched, even one without a row (a profile a split made since the last
    /// fold is the next incremental fold's). The rebuilt rows keep the newest computed_at already stored, so the
    /// next incremental fold still recomputes every profile whose records changed since the last one. During an
    /// unfinished full fold only the profiles it has already folded are rebuilt (the others are folded from
    /// their remaining touchpoints by its next chunks). Returns the profiles that were given a row again.
    /// </summary>
    public static async Task<int> RecomputeAsync(ProfileHubDbContext db, IReadOnlyCollection<Guid> profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SegmentLocks.TraitFoldAsync(db, cancellationToken);
        var low = await db.ProfileTraits.MaxAsync(t => (long?)t.Watermark, cancellationToken);
        var since = await db.ProfileTraits.MaxAsync(t => (DateTimeOffset?)t.ComputedAt, cancellationToken);
        if (low is null || since is null)
        {
            return 0; // No traits yet: the next fold is a full one, over what is left.
        }

        var progress = await db.Set<TraitFoldProgress>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var unfinished = progress is { CompletedAt: null };
        if (unfinished && progress!.FoldedThrough is null)
        {
            return 0;
        }

        await db.ProfileTraits.WhereIn(t => t.ProfileId, profiles).ExecuteDeleteAsync(cancellationToken);

        // The given profiles by EF Core's own SQL for the list (one parameter, however many a purge touched: see
        // ListParameter), wrapped as the batch's filter; a profile's primary key finds it, nothing else is scanned.
        var rebuilt = db.Profiles.AsNoTracking().WhereIn(p => p.Id, profiles);
        if (unfinished && progress!.FoldedThrough is { } through)
        {
            rebuilt = rebuilt.Where(p => p.Id.CompareTo(through) <= 0);
        }

        await using var command = rebuilt.Select(p => p.Id).CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
#pragma warning disable CA2100 // The SQL is ProfileHub's own text with provider fragments and EF Core's SQL for the list; values are parameters.
        command.CommandText = FoldSql(db.Provider, WholeProfilesBatch($" AND p.id IN (SELECT x.id FROM ({command.CommandText}) AS x)"));
#pragma warning restore CA2100
        command.Parameters.Add(RawParameters.Create<ProfileTraits>(db, command, "high", nameof(ProfileTraits.Watermark), low));
        command.Parameters.Add(RawParameters.Create<ProfileTraits>(db, command, "now", nameof(ProfileTraits.ComputedAt), since));
        var written = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// The <c>batch</c> CTE of a fold that rebuilds whole profiles (a full fold's chunk, a recompute): every
    /// touchpoint up to <c>@high</c> of the active profiles that <paramref name="profiles"/> (SQL over p) selects.
    /// </summary>
    private static string WholeProfilesBatch(string profiles) => $"""
        batch AS (
            SELECT m.profile_id, t.id, t.channel, t.type, t.occurred_at, t.amount, t.metrics, t.properties
            FROM profiles p
            JOIN profile_memberships m ON m.profile_id = p.id
            JOIN touchpoints t ON t.source_record_id = m.record_id
            WHERE p.status = '{ProfileStatus.Active}' AND t.id <= @high{profiles}
        )
        """;

    private static readonly string[] TraitColumns =
    [
        "profile_id", "purchase_count", "revenue", "first_purchase_at", "last_purchase_at", "touchpoint_count",
        "touchpoints_before_first_purchase", "email_opens", "email_clicks", "last_email_open_at", "last_email_click_at",
        "last_contact_at", "loyalty_tier", "loyalty_points", "loyalty_at", "watermark", "computed_at",
    ];

    /// <summary>Aggregates the touchpoints of the <c>batch</c> CTE (given with any CTE it needs) per profile and adds them to the stored rows.</summary>
    internal static string FoldSql(Providers.StorageProvider provider, string batch)
    {
        var purchases = string.Join(", ", Journey.PurchaseTypes.Select(t => $"'{t}'"));
        var isPurchase = $"b.type IN ({purchases})";
        var isOpen = $"b.channel = '{TouchpointChannel.Email}' AND b.type = 'open'";
        var isClick = $"b.channel = '{TouchpointChannel.Email}' AND b.type = 'click'";
        var least = provider.Least;
        var greatest = provider.Greatest;
        const string loyaltyNewer = "excluded.loyalty_at IS NOT NULL AND (profile_traits.loyalty_at IS NULL OR excluded.loyalty_at >= profile_traits.loyalty_at)";

        return $"""
            WITH {batch},
            agg AS (
                SELECT b.profile_id,
                       COUNT(*) AS n,
                       SUM(CASE WHEN {isPurchase} THEN 1 ELSE 0 END) AS purchases,
                       SUM(CASE WHEN {isPurchase} THEN COALESCE(CAST(b.amount AS double precision), 0) ELSE 0 END) AS revenue,
                       MIN(CASE WHEN {isPurchase} THEN b.occurred_at END) AS first_purchase,
                       MAX(CASE WHEN {isPurchase} THEN b.occurred_at END) AS last_purchase,
                       SUM(CASE WHEN {isOpen} THEN 1 ELSE 0 END) AS opens,
                       SUM(CASE WHEN {isClick} THEN 1 ELSE 0 END) AS clicks,
                       MAX(CASE WHEN {isOpen} THEN b.occurred_at END) AS last_open,
                       MAX(CASE WHEN {isClick} THEN b.occurred_at END) AS last_click,
                       MAX(b.occurred_at) AS last_contact,
                       MAX(b.id) AS watermark
                FROM batch b
                GROUP BY b.profile_id
            ),
            before_first AS (
                SELECT b.profile_id, COUNT(*) AS n
                FROM batch b JOIN agg a ON a.profile_id = b.profile_id
                WHERE a.first_purchase IS NOT NULL AND b.occurred_at < a.first_purchase
                GROUP BY b.profile_id
            ),
            tier AS (
                SELECT x.profile_id, x.occurred_at, x.tier, x.points
                FROM (
                    SELECT b.profile_id, b.occurred_at,
                           {provider.JsonText("b.properties", "tier")} AS tier,
                           {provider.JsonNumber("b.metrics", "points_balance")} AS points,
                           ROW_NUMBER() OVER (PARTITION BY b.profile_id ORDER BY b.occurred_at DESC, b.id DESC) AS position
                    FROM batch b
                    WHERE b.channel = '{TouchpointChannel.Loyalty}' AND b.type = 'tier_changed'
                ) x
                WHERE x.position = 1
            )
            {provider.Upsert("profile_traits", "profile_id", TraitColumns, """
                SELECT a.profile_id, a.purchases AS purchase_count, a.revenue, a.first_purchase AS first_purchase_at,
                       a.last_purchase AS last_purchase_at, a.n AS touchpoint_count,
                       CASE WHEN a.first_purchase IS NULL THEN NULL ELSE COALESCE(f.n, 0) END AS touchpoints_before_first_purchase,
                       a.opens AS email_opens, a.clicks AS email_clicks, a.last_open AS last_email_open_at,
                       a.last_click AS last_email_click_at, a.last_contact AS last_contact_at,
                       r.tier AS loyalty_tier, r.points AS loyalty_points, r.occurred_at AS loyalty_at, a.watermark, @now AS computed_at
                FROM agg a
                LEFT JOIN before_first f ON f.profile_id = a.profile_id
                LEFT JOIN tier r ON r.profile_id = a.profile_id
                """, [
                ("purchase_count", "profile_traits.purchase_count + excluded.purchase_count"),
                ("revenue", "profile_traits.revenue + excluded.revenue"),
                ("first_purchase_at", least("profile_traits.first_purchase_at", "excluded.first_purchase_at")),
                ("last_purchase_at", greatest("profile_traits.last_purchase_at", "excluded.last_purchase_at")),
                ("touchpoint_count", "profile_traits.touchpoint_count + excluded.touchpoint_count"),
                ("touchpoints_before_first_purchase", """
                    CASE
                        WHEN profile_traits.first_purchase_at IS NOT NULL THEN profile_traits.touchpoints_before_first_purchase
                        WHEN excluded.first_purchase_at IS NULL THEN NULL
                        ELSE profile_traits.touchpoint_count + excluded.touchpoints_before_first_purchase END
                    """),
                ("email_opens", "profile_traits.email_opens + excluded.email_opens"),
                ("email_clicks", "profile_traits.email_clicks + excluded.email_clicks"),
                ("last_email_open_at", greatest("profile_traits.last_email_open_at", "excluded.last_email_open_at")),
                ("last_email_click_at", greatest("profile_traits.last_email_click_at", "excluded.last_email_click_at")),
                ("last_contact_at", greatest("profile_traits.last_contact_at", "excluded.last_contact_at")),
                ("loyalty_tier", $"CASE WHEN {loyaltyNewer} THEN excluded.loyalty_tier ELSE profile_traits.loyalty_tier END"),
                ("loyalty_points", $"CASE WHEN {loyaltyNewer} THEN excluded.loyalty_points ELSE profile_traits.loyalty_points END"),
                ("loyalty_at", greatest("profile_traits.loyalty_at", "excluded.loyalty_at")),
                ("watermark", greatest("profile_traits.watermark", "excluded.watermark")),
                ("computed_at", "excluded.computed_at"),
            ])}
            """;
    }
}
