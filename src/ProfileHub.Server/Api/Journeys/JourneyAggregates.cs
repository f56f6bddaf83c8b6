using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Journeys;

/// <summary>
/// The journey aggregates, computed by the database in a handful of grouped queries (never by loading each
/// profile's touchpoints): each returns a small distribution that is shaped into the answer here. A profile's
/// touchpoints are those of its member records; its first purchase is the earliest purchase (by time, then
/// id, as <see cref="Journey.Summarize"/> orders a journey) and the touchpoints before it are counted the same way.
/// </summary>
internal static class JourneyAggregates
{
    private static readonly TouchpointChannel[] Channels = Enum.GetValues<TouchpointChannel>();

    /// <summary>
    /// The profiles analysed: active ones, and when a segment is named, its current members (materialised by
    /// the segment's last refresh). <see cref="PopulationSql"/> is the friction statement's copy of this filter.
    /// </summary>
    public static IQueryable<GoldenProfile> Population(ProfileHubDbContext db, string? segment)
    {
        var active = db.Profiles.Where(p => p.Status == ProfileStatus.Active);
        return segment is null
            ? active
            : active.Where(p => db.SegmentMemberships.Any(m => m.ProfileId == p.Id && m.ExitedAt == null
                && db.Segments.Any(s => s.Id == m.SegmentId && s.Name == segment)));
    }

    /// <summary><see cref="Population"/> as a SQL condition on <c>profiles pr</c>; values go through <paramref name="parameter"/>.</summary>
    public static string PopulationSql(string? segment, Func<object, string> parameter)
    {
        var active = $"pr.status = {parameter(ProfileStatus.Active.ToString())}";
        return segment is null
            ? active
            : $"{active} AND EXISTS (SELECT 1 FROM segment_memberships sm JOIN segments s ON s.id = sm.segment_id " +
              $"WHERE sm.profile_id = pr.id AND sm.exited_at IS NULL AND s.name = {parameter(segment)})";
    }

    public static async Task<JourneyAnalytics> ComputeAsync(ProfileHubDbContext db, string? segment, TimeSpan window, CancellationToken cancellationToken)
    {
        var population = Population(db, segment).Select(p => p.Id);
        var touchpoints =
            from m in db.Memberships
            where population.Contains(m.ProfileId)
            join t in db.Touchpoints on (long?)m.RecordId equals t.SourceRecordId
            select new ProfileTouchpoint { ProfileId = m.ProfileId, Touchpoint = t };
        var purchaseTypes = Journey.PurchaseTypes.ToList();
        var purchases = touchpoints.Where(x => purchaseTypes.Contains(x.Touchpoint.Type));

        var profiles = await population.CountAsync(cancellationToken);
        var beforePurchase = await BeforeFirstPurchaseAsync(db, segment, cancellationToken);
        var stages = await StagesAsync(touchpoints, purchases, cancellationToken);
        var friction = await FrictionAsync(db, segment, window, cancellationToken);

        var purchasers = beforePurchase.Sum(r => r.Profiles);
        return new JourneyAnalytics(
            profiles,
            purchasers,
            TouchpointsBeforeFirstPurchase(beforePurchase),
            [.. Enum.GetValues<JourneyStage>().Select(stage => StageConversion(stage, stages))],
            friction,
            ChannelContribution(beforePurchase, purchasers));
    }

    /// <summary>
    /// Purchasers counted by (touchpoints before the first purchase, channels among them as a bit mask), in one
    /// statement: the first purchase of each profile (earliest by time, then id) from the purchase rows alone,
    /// through the touchpoint-type index; then one pass over the purchasers' touchpoints, grouped by hash. The
    /// LINQ form this replaces found each first purchase's id with a subquery per purchaser (116 s at 1,000,000
    /// profiles). A purchaser with nothing before the first purchase counts as (0, no channel).
    /// </summary>
    private static async Task<List<BeforePurchaseRow>> BeforeFirstPurchaseAsync(ProfileHubDbContext db, string? segment, CancellationToken cancellationToken)
    {
        var arguments = new SqlArguments();
        var sql = BeforeFirstPurchaseSql(segment, arguments);
        var rows = await db.Database.SqlQueryRaw<BeforePurchaseCount>(sql, arguments.Values).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new BeforePurchaseRow((int)r.Count, (int)r.Mask, (int)r.Profiles))];
    }

    /// <summary>The before-first-purchase statement (the same text on every database), its values added to <paramref name="arguments"/>.</summary>
    internal static string BeforeFirstPurchaseSql(string? segment, SqlArguments arguments)
    {
        var purchases = string.Join(", ", Journey.PurchaseTypes.Order(StringComparer.Ordinal).Select(arguments.Add));
        var bit = string.Join(" ", Channels.Select(c => $"WHEN {arguments.Add(c.ToString())} THEN {1 << (int)c}"));
        return $"""
            WITH firsts AS (
                SELECT x.profile_id, x.occurred_at, x.id
                FROM (
                    SELECT m.profile_id, t.occurred_at, t.id,
                           ROW_NUMBER() OVER (PARTITION BY m.profile_id ORDER BY t.occurred_at, t.id) AS position
                    FROM touchpoints t
                    JOIN profile_memberships m ON m.record_id = t.source_record_id
                    JOIN profiles pr ON pr.id = m.profile_id
                    WHERE t.type IN ({purchases}) AND {PopulationSql(segment, arguments.Add)}
                ) x
                WHERE x.position = 1),
            per_channel AS (
                SELECT f.profile_id, t.channel, CAST(COUNT(*) AS bigint) AS n
                FROM firsts f
                JOIN profile_memberships m ON m.profile_id = f.profile_id
                JOIN touchpoints t ON t.source_record_id = m.record_id
                WHERE t.occurred_at < f.occurred_at OR (t.occurred_at = f.occurred_at AND t.id < f.id)
                GROUP BY f.profile_id, t.channel),
            per_purchaser AS (
                SELECT f.profile_id, COALESCE(SUM(c.n), 0) AS n, COALESCE(SUM(CAST(CASE c.channel {bit} ELSE 0 END AS bigint)), 0) AS mask
                FROM firsts f
                LEFT JOIN per_channel c ON c.profile_id = f.profile_id
                GROUP BY f.profile_id)
            SELECT n AS "Count", mask AS "Mask", CAST(COUNT(*) AS bigint) AS "Profiles"
            FROM per_purchaser
            GROUP BY n, mask
            """;
    }

    /// <summary>Profiles counted by (stage of one of their touchpoints, whether they purchased).</summary>
    private static async Task<List<StageRow>> StagesAsync(
        IQueryable<ProfileTouchpoint> touchpoints, IQueryable<ProfileTouchpoint> purchases, CancellationToken cancellationToken)
    {
        var reached = touchpoints.Select(x => new { x.ProfileId, x.Touchpoint.Stage }).Distinct();
        var purchasers = purchases.Select(p => (Guid?)p.ProfileId).Distinct();

        // A left join on the purchasers, not an EXISTS per (profile, stage): one hash join on PostgreSQL.
        return await (
            from r in reached
            join b in purchasers on (Guid?)r.ProfileId equals b into bought
            from b in bought.DefaultIfEmpty()
            group r by new { r.Stage, Purchased = b != null } into g
            select new StageRow(g.Key.Stage, g.Key.Purchased, g.Count())).ToListAsync(cancellationToken);
    }

    /// <summary>Per touchpoint type and channel: how many occurred, how many a friction signal of the same profile followed within the window.</summary>
    private static async Task<List<FrictionRate>> FrictionAsync(ProfileHubDbContext db, string? segment, TimeSpan window, CancellationToken cancellationToken)
    {
        var rows = (await FrictionSignals.CountAsync(db, segment, window, cancellationToken))
            .Select(r => new { r.Type, Channel = Enum.Parse<TouchpointChannel>(r.Channel), Occurrences = (int)r.Occurrences, Followed = (int)r.Followed })
            .ToList();
        var all = rows.Sum(r => r.Occurrences);
        var baseRate = all == 0 ? 0 : (double)rows.Sum(r => r.Followed) / all;
        return [.. rows
            .Select(r => new FrictionRate(r.Type, r.Channel, r.Occurrences, r.Followed, (double)r.Followed / r.Occurrences, baseRate,
                baseRate == 0 ? null : (double)r.Followed / r.Occurrences / baseRate))
            .OrderByDescending(r => r.Lift ?? 0).ThenByDescending(r => r.Occurrences).ThenBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Channel)];
    }

    private static TouchpointsBeforePurchase TouchpointsBeforeFirstPurchase(List<BeforePurchaseRow> rows)
    {
        var histogram = rows.GroupBy(r => r.Count).OrderBy(g => g.Key).Select(g => new HistogramBucket(g.Key, g.Sum(r => r.Profiles))).ToList();
        var mixes = rows.GroupBy(r => r.Mask)
            .Select(g => new ChannelMix(ChannelsOf(g.Key), (double)g.Sum(r => r.Count * r.Profiles) / g.Sum(r => r.Profiles), g.Sum(r => r.Profiles)))
            .OrderByDescending(m => m.Profiles).ThenBy(m => string.Join(",", m.Channels))
            .ToList();
        var purchasers = histogram.Sum(b => b.Count);
        return purchasers == 0
            ? new TouchpointsBeforePurchase(null, null, histogram, mixes)
            : new TouchpointsBeforePurchase((double)histogram.Sum(b => b.Bucket * b.Count) / purchasers, Median(histogram, purchasers), histogram, mixes);
    }

    /// <summary>The median of the distribution: the middle value, or the mean of the two middle values.</summary>
    private static double Median(List<HistogramBucket> histogram, int total)
    {
        int ValueAt(int rank)
        {
            var seen = 0;
            foreach (var bucket in histogram)
            {
                seen += bucket.Count;
                if (rank < seen)
                {
                    return bucket.Bucket;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(rank));
        }

        return (ValueAt((total - 1) / 2) + ValueAt(total / 2)) / 2.0;
    }

    private static StageConversion StageConversion(JourneyStage stage, List<StageRow> rows)
    {
        var reached = rows.Where(r => r.Stage == stage).Sum(r => r.Profiles);
        var converted = rows.Where(r => r.Stage == stage && r.Purchased).Sum(r => r.Profiles);
        return new StageConversion(stage, reached, converted, reached == 0 ? 0 : (double)converted / reached);
    }

    /// <summary>
    /// Linear attribution: each first purchase is shared equally among the channels touched before it. A
    /// purchase with nothing before it is credited to no channel, so the shares sum to the attributed part.
    /// </summary>
    private static List<ChannelContribution> ChannelContribution(List<BeforePurchaseRow> rows, int purchasers)
    {
        var credit = new Dictionary<TouchpointChannel, double>();
        foreach (var row in rows.Where(r => r.Mask != 0))
        {
            var channels = ChannelsOf(row.Mask);
            foreach (var channel in channels)
            {
                credit[channel] = credit.GetValueOrDefault(channel) + (double)row.Profiles / channels.Count;
            }
        }

        return [.. credit
            .Select(c => new ChannelContribution(c.Key, c.Value, c.Value / purchasers))
            .OrderByDescending(c => c.FirstPurchases).ThenBy(c => c.Channel)];
    }

    private static List<TouchpointChannel> ChannelsOf(int mask) => [.. Channels.Where(c => (mask & (1 << (int)c)) != 0)];

    // An initializer, not a constructor: EF can see through member bindings when the query is composed further.
    private sealed class ProfileTouchpoint
    {
        public required Guid ProfileId { get; init; }

        public required Touchpoint Touchpoint { get; init; }
    }

    private sealed record BeforePurchaseRow(int Count, int Mask, int Profiles);

    /// <summary>A row of the before-first-purchase statement as the databases return it (sums and counts cast to bigint: SQL Server's COUNT is 32-bit).</summary>
    internal sealed record BeforePurchaseCount(long Count, long Mask, long Profiles);

    private sealed record StageRow(JourneyStage Stage, bool Purchased, int Profiles);
}
