using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Storage.Bulk;

/// <summary>
/// PostgreSQL: records, their identifiers and consents, and touchpoints go by binary COPY into
/// transaction-scoped staging tables, then a few set-based statements: one INSERT ... SELECT ... ON CONFLICT
/// upserts the records (RETURNING the ids written), their identifiers and consents are replaced in one DELETE
/// and one INSERT each, waiting touchpoints are linked in one UPDATE; touchpoints are inserted in one
/// INSERT ... SELECT ... ON CONFLICT DO NOTHING that joins them to their records and skips stored event ids.
/// </summary>
internal sealed class PostgresBulkWriter : BulkWriter
{
    private const string Stage = "ph_stage_touchpoints";

    private protected override DbType TimestampType => DbType.DateTimeOffset;

    public override async Task<int> UpsertRecordsAsync(DbConnection connection, DbTransaction transaction, int connectorId, IReadOnlyList<SourceRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return 0;
        }

        var npgsql = (NpgsqlConnection)connection;
        await Execute(npgsql, transaction,
            "CREATE TEMP TABLE IF NOT EXISTS ph_stage_records (ord integer, source_key text, first_name text, last_name text, full_name text, " +
            "street_number text, street text, address_line2 text, city text, region text, postal_code text, country text, birth_date date, " +
            "birth_date_raw text, gender text, observed_at timestamptz, ingested_at timestamptz, raw_payload text, content_hash text) ON COMMIT DELETE ROWS; " +
            "CREATE TEMP TABLE IF NOT EXISTS ph_stage_identifiers (ord integer, source_key text, kind text, value text, normalized_value text) ON COMMIT DELETE ROWS; " +
            "CREATE TEMP TABLE IF NOT EXISTS ph_stage_consents (ord integer, source_key text, channel text, status text, scope text, observed_at timestamptz, contact_point text) ON COMMIT DELETE ROWS; " +
            "CREATE TEMP TABLE IF NOT EXISTS ph_stage_written (id bigint, source_key text) ON COMMIT DELETE ROWS",
            cancellationToken);
        await CopyRecordsAsync(npgsql, records, cancellationToken);

        // One version per key (the newest observed), as a single upsert may not touch a row twice.
        await using var upsert = new NpgsqlCommand(
            $"WITH written AS (INSERT INTO source_records ({RecordColumns}) " +
            "SELECT @connector, s.source_key, s.first_name, s.last_name, s.full_name, s.street_number, s.street, s.address_line2, s.city, " +
            "s.region, s.postal_code, s.country, s.birth_date, s.birth_date_raw, s.gender, s.observed_at, s.ingested_at, s.raw_payload::jsonb, " +
            "s.content_hash, TRUE FROM (SELECT DISTINCT ON (source_key) * FROM ph_stage_records ORDER BY source_key, observed_at DESC, ord DESC) s " +
            $"ORDER BY s.ord {UpsertClause} RETURNING id, source_key) " +
            "INSERT INTO ph_stage_written SELECT id, source_key FROM written; " +
            "DELETE FROM record_identifiers i USING ph_stage_written w WHERE i.record_id = w.id; " +
            "DELETE FROM record_consents c USING ph_stage_written w WHERE c.record_id = w.id; " +
            "INSERT INTO record_identifiers (record_id, kind, value, normalized_value) " +
            "SELECT w.id, s.kind, s.value, s.normalized_value FROM ph_stage_identifiers s JOIN ph_stage_written w ON w.source_key = s.source_key ORDER BY s.ord; " +
            "INSERT INTO record_consents (record_id, channel, status, scope, observed_at, contact_point) " +
            "SELECT w.id, s.channel, s.status, s.scope, s.observed_at, s.contact_point FROM ph_stage_consents s JOIN ph_stage_written w ON w.source_key = s.source_key ORDER BY s.ord; " +
            "UPDATE touchpoints t SET source_record_id = w.id FROM ph_stage_written w " +
            "WHERE t.connector_id = @connector AND t.source_key = w.source_key AND t.source_record_id IS NULL; " +
            "SELECT count(*) FROM ph_stage_written",
            npgsql,
            (NpgsqlTransaction)transaction);
        upsert.Parameters.AddWithValue("connector", connectorId);
        var written = Convert.ToInt32(await upsert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await Execute(npgsql, transaction, "TRUNCATE ph_stage_records, ph_stage_identifiers, ph_stage_consents, ph_stage_written", cancellationToken);
        return written;
    }

    /// <summary>The records, and their identifiers and consents keyed by source key, into the staging tables.</summary>
    private static async Task CopyRecordsAsync(NpgsqlConnection npgsql, IReadOnlyList<SourceRecord> records, CancellationToken cancellationToken)
    {
        await PostgresCopy.IntoAsync(
            npgsql,
            "ph_stage_records (ord, source_key, first_name, last_name, full_name, street_number, street, address_line2, city, region, " +
            "postal_code, country, birth_date, birth_date_raw, gender, observed_at, ingested_at, raw_payload, content_hash)",
            records.Select((record, ord) => (record, ord)),
            async (copy, row, ct) =>
            {
                var (r, a) = (row.record, row.record.Address);
                await copy.WriteAsync(row.ord, NpgsqlDbType.Integer, ct);
                foreach (var text in new[] { r.SourceKey, r.FirstName, r.LastName, r.FullName, a.StreetNumber, a.Street, a.AddressLine2, a.City, a.Region, a.PostalCode, a.Country })
                {
                    await copy.WriteNullableAsync(text, NpgsqlDbType.Text, ct);
                }

                await copy.WriteNullableAsync(r.BirthDate, NpgsqlDbType.Date, ct);
                await copy.WriteNullableAsync(r.BirthDateRaw, NpgsqlDbType.Text, ct);
                await copy.WriteNullableAsync(r.Gender, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.ObservedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(r.IngestedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteNullableAsync(r.RawPayload, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.ContentHash, NpgsqlDbType.Text, ct);
            },
            timeout: null,
            cancellationToken);

        await CopyKeyedAsync(npgsql, "ph_stage_identifiers (ord, source_key, kind, value, normalized_value)", records, r => r.Identifiers, async (copy, identifier, ct) =>
        {
            await copy.WriteAsync(identifier.Kind.ToString(), NpgsqlDbType.Text, ct);
            await copy.WriteNullableAsync(identifier.Value, NpgsqlDbType.Text, ct);
            await copy.WriteNullableAsync(identifier.NormalizedValue, NpgsqlDbType.Text, ct);
        }, cancellationToken);
        await CopyKeyedAsync(npgsql, "ph_stage_consents (ord, source_key, channel, status, scope, observed_at, contact_point)", records, r => r.Consents, async (copy, consent, ct) =>
        {
            await copy.WriteAsync(consent.Channel.ToString(), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(consent.Status.ToString(), NpgsqlDbType.Text, ct);
            await copy.WriteNullableAsync(consent.Scope, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(consent.ObservedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteNullableAsync(consent.ContactPoint, NpgsqlDbType.Text, ct);
        }, cancellationToken);
    }

    /// <summary>The rows a record owns (identifiers, consents) into a staging table, each after its order and its record's source key.</summary>
    private static Task CopyKeyedAsync<T>(
        NpgsqlConnection npgsql,
        string target,
        IReadOnlyList<SourceRecord> records,
        Func<SourceRecord, IEnumerable<T>> owned,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write,
        CancellationToken cancellationToken) =>
        PostgresCopy.IntoAsync(
            npgsql,
            target,
            records.SelectMany(owned, (r, row) => (r.SourceKey, row)).Select((row, ord) => (row.SourceKey, row.row, ord)),
            async (copy, row, ct) =>
            {
                await copy.WriteAsync(row.ord, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(row.SourceKey, NpgsqlDbType.Text, ct);
                await write(copy, row.row, ct);
            },
            timeout: null,
            cancellationToken);

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

        await PostgresCopy.IntoAsync(
            npgsql,
            $"{Stage} (source_event_id, source_key, channel, type, occurred_at, stage, online, controllable, initiative, amount, currency, " +
            "metrics, properties, ingested_at)",
            touchpoints,
            async (copy, t, ct) =>
            {
                await copy.WriteAsync(t.SourceEventId, NpgsqlDbType.Text, ct);
                await copy.WriteNullableAsync(t.SourceKey, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Names.Of(t.Channel), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(t.Type, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(t.OccurredAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(Names.Of(t.Stage), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(t.Online, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(t.Controllable, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(Names.Of(t.Initiative), NpgsqlDbType.Text, ct);
                await copy.WriteNullableAsync(t.Amount, NpgsqlDbType.Numeric, ct);
                await copy.WriteNullableAsync(t.Currency, NpgsqlDbType.Text, ct);
                await copy.WriteNullableAsync(t.Metrics, NpgsqlDbType.Text, ct);
                await copy.WriteNullableAsync(t.Properties, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(t.IngestedAt, NpgsqlDbType.TimestampTz, ct);
            },
            timeout: null,
            cancellationToken);

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

    /// <summary>A match run's profile rows go by binary COPY too, inside the run's transaction.</summary>
    internal override ProfileRows ProfileRowsFor(ProfileHubDbContext db) => new PostgresProfileRows(db);

    private protected override object Timestamp(DateTimeOffset value) => value.ToUniversalTime();

    private protected override string Json(string parameter) => $"CAST({parameter} AS jsonb)";

    private static async Task Execute(NpgsqlConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Constant SQL over ProfileHub's own staging table.
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
