using System.Data;
using System.Data.Common;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Storage.Bulk;

/// <summary>SQLite: one prepared, parameterized INSERT ... ON CONFLICT DO NOTHING per row, in the caller's transaction.</summary>
internal sealed class SqliteBulkWriter : BulkWriter
{
    private protected override DbType TimestampType => DbType.Int64;

    public override async Task<int> InsertTouchpointsAsync(DbConnection connection, DbTransaction transaction, int connectorId, IReadOnlyList<Touchpoint> touchpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoints);

        // Touchpoints carry four indexes, two of them in random key order (person, time): with SQLite's default
        // 2 MB page cache a million-row load spends its time re-reading index pages. 64 MB per connection keeps
        // them in memory; the setting lasts for the (pooled) connection.
        await using (var cache = Command(connection, transaction, "PRAGMA cache_size = -65536"))
        {
            await cache.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = Command(connection, transaction,
            "INSERT INTO touchpoints (connector_id, source_event_id, source_key, source_record_id, channel, type, occurred_at, stage, online, " +
            "controllable, initiative, amount, currency, metrics, properties, ingested_at) VALUES (@connector, @event, @key, " +
            "(SELECT id FROM source_records WHERE connector_id = @connector AND source_key = @key), @channel, @type, @occurred, @stage, " +
            "@online, @controllable, @initiative, @amount, @currency, @metrics, @properties, @ingested) " +
            "ON CONFLICT (connector_id, source_event_id) DO NOTHING",
            ("connector", DbType.Int32), ("event", DbType.String), ("key", DbType.String), ("channel", DbType.String), ("type", DbType.String),
            ("occurred", DbType.Int64), ("stage", DbType.String), ("online", DbType.Boolean), ("controllable", DbType.Boolean),
            ("initiative", DbType.String), ("amount", DbType.Decimal), ("currency", DbType.String), ("metrics", DbType.String),
            ("properties", DbType.String), ("ingested", DbType.Int64));
        var inserted = 0;
        foreach (var t in touchpoints)
        {
            Set(insert, connectorId, t.SourceEventId, t.SourceKey, Names.Of(t.Channel), t.Type, t.OccurredAt.UtcTicks, Names.Of(t.Stage),
                t.Online, t.Controllable, Names.Of(t.Initiative), t.Amount, t.Currency, t.Metrics, t.Properties, t.IngestedAt.UtcTicks);
            inserted += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }

    private protected override object Timestamp(DateTimeOffset value) => value.UtcTicks;

    private protected override string Json(string parameter) => parameter;
}
