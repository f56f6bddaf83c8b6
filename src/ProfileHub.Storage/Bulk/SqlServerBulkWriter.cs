using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Storage.Bulk;

/// <summary>
/// SQL Server: records, their identifiers and consents, and touchpoints go by SqlBulkCopy into session temporary
/// tables (#ph_stage_*), then a few set-based statements, as on PostgreSQL: one MERGE upserts the records (the
/// newest version per key; OUTPUT collects the ids written), their identifiers and consents are replaced in one
/// DELETE and one INSERT each, waiting touchpoints are linked in one UPDATE; touchpoints are inserted in one
/// INSERT ... SELECT that joins them to their records and skips stored (and repeated) event ids. The staging
/// tables are dropped at the end, so a pooled connection carries none into its next use.
/// <para>
/// A match run's profile rows stay the base class's EF Core inserts: SqlBulkCopy would suit them as it suits
/// ingestion, but no SQL Server runs where ProfileHub is tested, and an untested bulk path is not written.
/// </para>
/// </summary>
internal sealed class SqlServerBulkWriter : BulkWriter
{
    private const string Text = "nvarchar(max) COLLATE " + Providers.SqlServerProvider.TextCollation;
    private const string Key = "nvarchar(200) COLLATE " + Providers.SqlServerProvider.TextCollation;

    private protected override DbType TimestampType => DbType.DateTimeOffset;

    public override async Task<int> UpsertRecordsAsync(DbConnection connection, DbTransaction transaction, int connectorId, IReadOnlyList<SourceRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return 0;
        }

        var sql = (SqlConnection)connection;
        var tx = (SqlTransaction)transaction;
        await Execute(sql, tx,
            $"CREATE TABLE #ph_stage_records (ord int, source_key {Key}, first_name {Text}, last_name {Text}, full_name {Text}, " +
            $"street_number {Text}, street {Text}, address_line2 {Text}, city {Text}, region {Text}, postal_code {Text}, country {Text}, " +
            $"birth_date date, birth_date_raw {Text}, gender {Text}, observed_at datetimeoffset, ingested_at datetimeoffset, raw_payload nvarchar(max), content_hash {Text}); " +
            $"CREATE TABLE #ph_stage_identifiers (ord int, source_key {Key}, kind {Text}, value {Text}, normalized_value {Text}); " +
            $"CREATE TABLE #ph_stage_consents (ord int, source_key {Key}, channel {Text}, status {Text}, scope {Text}, observed_at datetimeoffset, contact_point nvarchar(400) COLLATE " + Providers.SqlServerProvider.TextCollation + ")",
            cancellationToken);
        try
        {
            var stageRecords = Table(
                ("ord", typeof(int)), ("source_key", typeof(string)), ("first_name", typeof(string)), ("last_name", typeof(string)), ("full_name", typeof(string)),
                ("street_number", typeof(string)), ("street", typeof(string)), ("address_line2", typeof(string)), ("city", typeof(string)), ("region", typeof(string)),
                ("postal_code", typeof(string)), ("country", typeof(string)), ("birth_date", typeof(DateTime)), ("birth_date_raw", typeof(string)), ("gender", typeof(string)),
                ("observed_at", typeof(DateTimeOffset)), ("ingested_at", typeof(DateTimeOffset)), ("raw_payload", typeof(string)), ("content_hash", typeof(string)));
            var identifiers = Table(("ord", typeof(int)), ("source_key", typeof(string)), ("kind", typeof(string)), ("value", typeof(string)), ("normalized_value", typeof(string)));
            var consents = Table(("ord", typeof(int)), ("source_key", typeof(string)), ("channel", typeof(string)), ("status", typeof(string)), ("scope", typeof(string)), ("observed_at", typeof(DateTimeOffset)), ("contact_point", typeof(string)));
            for (var i = 0; i < records.Count; i++)
            {
                var r = records[i];
                var a = r.Address;
                stageRecords.Rows.Add(i, r.SourceKey, r.FirstName, r.LastName, r.FullName, a.StreetNumber, a.Street, a.AddressLine2, a.City, a.Region,
                    a.PostalCode, a.Country, r.BirthDate?.ToDateTime(TimeOnly.MinValue), r.BirthDateRaw, r.Gender, r.ObservedAt, r.IngestedAt, r.RawPayload, r.ContentHash);
                foreach (var identifier in r.Identifiers)
                {
                    identifiers.Rows.Add(identifiers.Rows.Count, r.SourceKey, identifier.Kind.ToString(), identifier.Value, identifier.NormalizedValue);
                }

                foreach (var consent in r.Consents)
                {
                    consents.Rows.Add(consents.Rows.Count, r.SourceKey, consent.Channel.ToString(), consent.Status.ToString(), consent.Scope, consent.ObservedAt, consent.ContactPoint);
                }
            }

            await CopyAsync(sql, tx, "#ph_stage_records", stageRecords, cancellationToken);
            await CopyAsync(sql, tx, "#ph_stage_identifiers", identifiers, cancellationToken);
            await CopyAsync(sql, tx, "#ph_stage_consents", consents, cancellationToken);

            // One version per key (the newest observed), as MERGE may not touch a row twice; the update rule is the
            // base class's UpsertClause (changed content, not older than what is stored).
            await using var upsert = new SqlCommand(
                "DECLARE @written TABLE (id bigint, source_key nvarchar(200) COLLATE " + Providers.SqlServerProvider.TextCollation + "); " +
                "MERGE INTO source_records WITH (HOLDLOCK) AS t " +
                "USING (SELECT * FROM (SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.source_key ORDER BY s.observed_at DESC, s.ord DESC) AS version " +
                "FROM #ph_stage_records s) v WHERE v.version = 1) AS excluded " +
                "ON t.connector_id = @connector AND t.source_key = excluded.source_key " +
                "WHEN MATCHED AND t.content_hash <> excluded.content_hash AND t.observed_at <= excluded.observed_at THEN UPDATE SET " +
                string.Join(", ", RecordUpdates.Select(c => c == "needs_matching" ? "needs_matching = 1" : $"{c} = excluded.{c}")) + " " +
                $"WHEN NOT MATCHED THEN INSERT ({RecordColumns}) VALUES (@connector, excluded.source_key, excluded.first_name, excluded.last_name, " +
                "excluded.full_name, excluded.street_number, excluded.street, excluded.address_line2, excluded.city, excluded.region, excluded.postal_code, " +
                "excluded.country, excluded.birth_date, excluded.birth_date_raw, excluded.gender, excluded.observed_at, excluded.ingested_at, " +
                "excluded.raw_payload, excluded.content_hash, 1) " +
                "OUTPUT inserted.id, inserted.source_key INTO @written; " +
                "DELETE i FROM record_identifiers i JOIN @written w ON i.record_id = w.id; " +
                "DELETE c FROM record_consents c JOIN @written w ON c.record_id = w.id; " +
                "INSERT INTO record_identifiers (record_id, kind, value, normalized_value) " +
                "SELECT w.id, s.kind, s.value, s.normalized_value FROM #ph_stage_identifiers s JOIN @written w ON w.source_key = s.source_key ORDER BY s.ord; " +
                "INSERT INTO record_consents (record_id, channel, status, scope, observed_at, contact_point) " +
                "SELECT w.id, s.channel, s.status, s.scope, s.observed_at, s.contact_point FROM #ph_stage_consents s JOIN @written w ON w.source_key = s.source_key ORDER BY s.ord; " +
                "UPDATE t SET source_record_id = w.id FROM touchpoints t JOIN @written w ON t.source_key = w.source_key " +
                "WHERE t.connector_id = @connector AND t.source_record_id IS NULL; " +
                "SELECT COUNT_BIG(*) FROM @written;",
                sql,
                tx);
            upsert.Parameters.Add(new SqlParameter("@connector", SqlDbType.Int) { Value = connectorId });
            return Convert.ToInt32(await upsert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await Execute(sql, tx, "DROP TABLE IF EXISTS #ph_stage_records, #ph_stage_identifiers, #ph_stage_consents", CancellationToken.None);
        }
    }

    public override async Task<int> InsertTouchpointsAsync(DbConnection connection, DbTransaction transaction, int connectorId, IReadOnlyList<Touchpoint> touchpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoints);
        if (touchpoints.Count == 0)
        {
            return 0;
        }

        var sql = (SqlConnection)connection;
        var tx = (SqlTransaction)transaction;
        await Execute(sql, tx,
            $"CREATE TABLE #ph_stage_touchpoints (ord int, source_event_id {Key}, source_key {Key}, channel {Text}, type {Text}, occurred_at datetimeoffset, " +
            $"stage {Text}, online bit, controllable bit, initiative {Text}, amount decimal(18,4), currency {Text}, metrics nvarchar(max), " +
            "properties nvarchar(max), ingested_at datetimeoffset)", cancellationToken);
        try
        {
            var stage = Table(
                ("ord", typeof(int)), ("source_event_id", typeof(string)), ("source_key", typeof(string)), ("channel", typeof(string)), ("type", typeof(string)),
                ("occurred_at", typeof(DateTimeOffset)), ("stage", typeof(string)), ("online", typeof(bool)), ("controllable", typeof(bool)),
                ("initiative", typeof(string)), ("amount", typeof(decimal)), ("currency", typeof(string)), ("metrics", typeof(string)),
                ("properties", typeof(string)), ("ingested_at", typeof(DateTimeOffset)));
            foreach (var t in touchpoints)
            {
                stage.Rows.Add(stage.Rows.Count, t.SourceEventId, t.SourceKey, Names.Of(t.Channel), t.Type, t.OccurredAt, Names.Of(t.Stage), t.Online, t.Controllable,
                    Names.Of(t.Initiative), t.Amount, t.Currency, t.Metrics, t.Properties, t.IngestedAt);
            }

            await CopyAsync(sql, tx, "#ph_stage_touchpoints", stage, cancellationToken);

            // The first of each event id in the batch, unless stored: what ON CONFLICT DO NOTHING does on the others.
            // UPDLOCK + HOLDLOCK keep a concurrent load of the same events from passing the same NOT EXISTS.
            await using var insert = new SqlCommand(
                "INSERT INTO touchpoints (connector_id, source_event_id, source_key, source_record_id, channel, type, occurred_at, stage, online, " +
                "controllable, initiative, amount, currency, metrics, properties, ingested_at) " +
                "SELECT @connector, s.source_event_id, s.source_key, r.id, s.channel, s.type, s.occurred_at, s.stage, s.online, s.controllable, " +
                "s.initiative, s.amount, s.currency, s.metrics, s.properties, s.ingested_at " +
                "FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY source_event_id ORDER BY ord) AS copy FROM #ph_stage_touchpoints) s " +
                "LEFT JOIN source_records r ON r.connector_id = @connector AND r.source_key = s.source_key " +
                "WHERE s.copy = 1 AND NOT EXISTS (SELECT 1 FROM touchpoints x WITH (UPDLOCK, HOLDLOCK) " +
                "WHERE x.connector_id = @connector AND x.source_event_id = s.source_event_id) " +
                "ORDER BY s.ord",
                sql,
                tx);
            insert.Parameters.Add(new SqlParameter("@connector", SqlDbType.Int) { Value = connectorId });
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await Execute(sql, tx, "DROP TABLE IF EXISTS #ph_stage_touchpoints", CancellationToken.None);
        }
    }

    private protected override object Timestamp(DateTimeOffset value) => value.ToUniversalTime();

    private protected override string Json(string parameter) => parameter;

    private static DataTable Table(params (string Name, Type Type)[] columns)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var (name, type) in columns)
        {
            table.Columns.Add(name, type);
        }

        return table;
    }

    /// <summary>Bulk-copies <paramref name="rows"/> into <paramref name="target"/>, column by name, inside the caller's transaction.</summary>
    private static async Task CopyAsync(SqlConnection connection, SqlTransaction transaction, string target, DataTable rows, CancellationToken cancellationToken)
    {
        if (rows.Rows.Count == 0)
        {
            return;
        }

        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction) { DestinationTableName = target, BulkCopyTimeout = 0 };
        foreach (DataColumn column in rows.Columns)
        {
            copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await copy.WriteToServerAsync(rows, cancellationToken);
    }

    private static async Task Execute(SqlConnection connection, SqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Constant SQL over ProfileHub's own staging tables.
        await using var command = new SqlCommand(sql, connection, transaction);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
