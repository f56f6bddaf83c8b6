using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Server.Api.Journeys;

/// <summary>Touchpoints of one type and channel in the population, and how many a friction signal followed.</summary>
internal sealed record FrictionCount(string Type, string Channel, long Occurrences, long Followed);

/// <summary>
/// "Followed within N days by friction", as one SQL statement. Plain SQL because EF can neither add a time span
/// to a column on SQLite (occurred_at is UTC ticks there) nor read a JSON member on both providers, and an
/// ad-hoc SQL query cannot be a subquery of a LINQ one. The text is shared; two things come from the storage
/// provider: adding the window to a time (<c>AddSpan</c>: ticks on SQLite, an interval on PostgreSQL, DATEADD on
/// SQL Server) and reading the satisfaction score from the metrics JSON (<c>JsonNumber</c>). Counts are cast
/// to bigint, which SQL Server's COUNT is not. Every value is a parameter, and the type lists come from <see cref="Journey"/>.
/// </summary>
internal static class FrictionSignals
{
    public static Task<List<FrictionCount>> CountAsync(ProfileHubDbContext db, string? segment, TimeSpan window, CancellationToken cancellationToken)
    {
        var arguments = new SqlArguments();
        var sql = Statement(db.Provider, segment, window, arguments);
        return db.Database.SqlQueryRaw<FrictionCount>(sql, arguments.Values).ToListAsync(cancellationToken);
    }

    /// <summary>The statement's text for <paramref name="provider"/>, its values added to <paramref name="arguments"/>.</summary>
    internal static string Statement(StorageProvider provider, string? segment, TimeSpan window, SqlArguments arguments)
    {
        string Plus(string timestamp, TimeSpan span) => provider.AddSpan(timestamp, span, arguments.Add);
        string List(IEnumerable<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal).Select(arguments.Add));

        var poorScore = $"{provider.JsonNumber("t.metrics", Journey.SatisfactionScoreMetric)} = {arguments.Add((double)Journey.PoorSatisfactionScore)}";

        // The friction signals of every profile: Journey.FrictionOf's types and poor ratings, and checkouts
        // with no purchase of the same profile after them within Journey.CartWindow (abandoned carts).
        return $"""
            WITH friction AS (
                SELECT m.profile_id, t.occurred_at
                FROM touchpoints t
                JOIN profile_memberships m ON m.record_id = t.source_record_id
                WHERE t.type IN ({List(Journey.FrictionTypes.Keys)})
                   OR (t.type = {arguments.Add(Journey.SatisfactionType)} AND {poorScore})
                   OR (t.type = {arguments.Add(Journey.CheckoutType)} AND NOT EXISTS (
                        SELECT 1 FROM touchpoints p
                        JOIN profile_memberships pm ON pm.record_id = p.source_record_id
                        WHERE pm.profile_id = m.profile_id
                          AND p.type IN ({List(Journey.PurchaseTypes)})
                          AND (p.occurred_at > t.occurred_at OR (p.occurred_at = t.occurred_at AND p.id > t.id))
                          AND p.occurred_at <= {Plus("t.occurred_at", Journey.CartWindow)}))),
            followed AS (
                -- Driven from the (few) signals through the (record, time) index: the touchpoints of the same
                -- profile in the window before each signal.
                SELECT DISTINCT t.id
                FROM friction f
                JOIN profile_memberships m ON m.profile_id = f.profile_id
                JOIN touchpoints t ON t.source_record_id = m.record_id
                WHERE t.occurred_at < f.occurred_at AND t.occurred_at >= {Plus("f.occurred_at", -window)})
            SELECT t.type AS "Type", t.channel AS "Channel", CAST(COUNT(*) AS bigint) AS "Occurrences", CAST(COUNT(fd.id) AS bigint) AS "Followed"
            FROM touchpoints t
            JOIN profile_memberships m ON m.record_id = t.source_record_id
            JOIN profiles pr ON pr.id = m.profile_id
            LEFT JOIN followed fd ON fd.id = t.id
            WHERE {JourneyAggregates.PopulationSql(segment, arguments.Add)}
            GROUP BY t.type, t.channel
            """;
    }
}
