using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Storage.Bulk;

/// <summary>
/// PostgreSQL: touchpoints go by binary COPY into a transaction-scoped staging table, then one
/// INSERT ... SELECT ... ON CONFLICT DO NOTHING joins them to their records and skips stored event ids.
/// </summary>
internal sealed class PostgresBulkWriter : BulkWriter
{
    private const string Stage = "ph_stage_touchpoints";

    private protected override DbType TimestampType => DbType.DateTimeOffset;

    public override async Task<int> InsertTouchpointsAsync(DbConnection connection, DbTransaction transaction, int connectorId, IReadOnlyList<Touchpoint> touchpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoints);
        if (touchpoints.Count == 0)
        {
            return 0;
        }

        var npgsql = (NpgsqlConnection)connection;
        await Execute(npgsql, transaction,
            $"CREATE TEMP TABLE IF NOT EXISTS {Stage} (source_event_id text, source_key text, channel text, type text, occurred_at timestamptz, " +
            "stage text, online boolean, controllable boolean, initiative text, amount numeric(18,4), currency text, metrics text, properties text, " +
            "ingested_at timestamptz) ON COMMIT DELETE ROWS", cancellationToken);

        await using (var copy = await npgsql.BeginBinaryImportAsync(
            $"COPY {Stage} (source_event_id, source_key, channel, type, occurred_at, stage, online, controllable, initiative, amount, currency, " +
            "metrics, properties, ingested_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var t in touchpoints)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(t.SourceEventId, NpgsqlDbType.Text, cancellationToken);
                await WriteNullable(copy, t.SourceKey, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(Names.Of(t.Channel), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(t.Type, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(t.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(Names.Of(t.Stage), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(t.Online, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(t.Controllable, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(Names.Of(t.Initiative), NpgsqlDbType.Text, cancellationToken);
                if (t.Amount is { } amount)
                {
                    await copy.WriteAsync(amount, NpgsqlDbType.Numeric, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }

                await WriteNullable(copy, t.Currency, NpgsqlDbType.Text, cancellationToken);
                await WriteNullable(copy, t.Metrics, NpgsqlDbType.Text, cancellationToken);
                await WriteNullable(copy, t.Properties, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(t.IngestedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using var insert = new NpgsqlCommand(
            "INSERT INTO touchpoints (connector_id, source_event_id, source_key, source_record_id, channel, type, occurred_at, stage, online, " +
            "controllable, initiative, amount, currency, metrics, properties, ingested_at) " +
            "SELECT @connector, s.source_event_id, s.source_key, r.id, s.channel, s.type, s.occurred_at, s.stage, s.online, s.controllable, " +
            "s.initiative, s.amount, s.currency, s.metrics::jsonb, s.properties::jsonb, s.ingested_at " +
            $"FROM {Stage} s LEFT JOIN source_records r ON r.connector_id = @connector AND r.source_key = s.source_key " +
            "ON CONFLICT (connector_id, source_event_id) DO NOTHING", npgsql, (NpgsqlTransaction)transaction);
        insert.Parameters.AddWithValue("connector", connectorId);
        var inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        await Execute(npgsql, transaction, $"TRUNCATE {Stage}", cancellationToken);
        return inserted;
    }

    private protected override object Timestamp(DateTimeOffset value) => value.ToUniversalTime();

    private protected override string Json(string parameter) => $"CAST({parameter} AS jsonb)";

    private static Task WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static async Task Execute(NpgsqlConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Constant SQL over ProfileHub's own staging table.
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
