using System.Data;
using System.Data.Common;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Storage.Bulk;

/// <summary>
/// Set-based loading of source records and touchpoints inside the caller's transaction, never one
/// SaveChanges per row. Shared SQL with small provider overrides: PostgreSQL loads records and touchpoints by
/// binary COPY into staging tables then a few set-based statements, SQL Server the same through SqlBulkCopy and MERGE;
/// SQLite runs prepared statements per row.
/// </summary>
public abstract class BulkWriter
{
    private protected const string RecordColumns =
        "connector_id, source_key, first_name, last_name, full_name, street_number, street, address_line2, city, region, " +
        "postal_code, country, birth_date, birth_date_raw, gender, observed_at, ingested_at, raw_payload, content_hash, needs_matching";

    private protected static readonly string[] RecordUpdates =
    [
        "first_name", "last_name", "full_name", "street_number", "street", "address_line2", "city", "region", "postal_code", "country",
        "birth_date", "birth_date_raw", "gender", "observed_at", "ingested_at", "raw_payload", "content_hash", "needs_matching",
    ];

    public static BulkWriter For(StorageProvider provider) => provider switch
    {
        PostgresProvider => new PostgresBulkWriter(),
        SqliteProvider => new SqliteBulkWriter(),
        SqlServerProvider => new SqlServerBulkWriter(),
        _ => throw new NotSupportedException($"No bulk writer for provider {provider?.Name}."),
    };

    /// <summary>
    /// Inserts or updates <paramref name="records"/> by (connector, source key), one per key, skipping those
    /// whose content hash is already stored; replaces the identifiers and consents of those written, and links
    /// the connector's touchpoints waiting for their key. Returns how many records were inserted or changed.
    /// </summary>
    public virtual async Task<int> UpsertRecordsAsync(DbConnection connection, DbTransaction transaction, int connectorId, IReadOnlyList<SourceRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return 0;
        }

        await using var upsert = Command(connection, transaction,
            $"INSERT INTO source_records ({RecordColumns}) VALUES (@connector, @key, @first, @last, @full, @number, @street, @line2, @city, " +
            $"@region, @postal, @country, @birth, @birth_raw, @gender, @observed, @ingested, {Json("@raw")}, @hash, TRUE) " +
            $"{UpsertClause} RETURNING id",
            ("connector", DbType.Int32), ("key", DbType.String), ("first", DbType.String), ("last", DbType.String), ("full", DbType.String),
            ("number", DbType.String), ("street", DbType.String), ("line2", DbType.String), ("city", DbType.String), ("region", DbType.String),
            ("postal", DbType.String), ("country", DbType.String), ("birth", DbType.Date), ("birth_raw", DbType.String), ("gender", DbType.String),
            ("observed", TimestampType), ("ingested", TimestampType), ("raw", DbType.String), ("hash", DbType.String));
        await using var deleteIdentifiers = Command(connection, transaction, "DELETE FROM record_identifiers WHERE record_id = @id", ("id", DbType.Int64));
        await using var deleteConsents = Command(connection, transaction, "DELETE FROM record_consents WHERE record_id = @id", ("id", DbType.Int64));
        await using var insertIdentifier = Command(connection, transaction,
            "INSERT INTO record_identifiers (record_id, kind, value, normalized_value) VALUES (@id, @kind, @value, @normalized)",
            ("id", DbType.Int64), ("kind", DbType.String), ("value", DbType.String), ("normalized", DbType.String));
        await using var insertConsent = Command(connection, transaction,
            "INSERT INTO record_consents (record_id, channel, status, scope, observed_at, contact_point) VALUES (@id, @channel, @status, @scope, @observed, @point)",
            ("id", DbType.Int64), ("channel", DbType.String), ("status", DbType.String), ("scope", DbType.String), ("observed", TimestampType), ("point", DbType.String));
        await using var link = Command(connection, transaction,
            "UPDATE touchpoints SET source_record_id = @id WHERE connector_id = @connector AND source_key = @key AND source_record_id IS NULL",
            ("id", DbType.Int64), ("connector", DbType.Int32), ("key", DbType.String));

        var written = 0;
        foreach (var record in records)
        {
            var a = record.Address;
            Set(upsert, connectorId, record.SourceKey, record.FirstName, record.LastName, record.FullName, a.StreetNumber, a.Street, a.AddressLine2,
                a.City, a.Region, a.PostalCode, a.Country, record.BirthDate, record.BirthDateRaw, record.Gender,
                Timestamp(record.ObservedAt), Timestamp(record.IngestedAt), record.RawPayload, record.ContentHash);
            if (await upsert.ExecuteScalarAsync(cancellationToken) is not { } id)
            {
                continue; // Unchanged content (a resend) or older than what is stored (a late delivery).
            }

            var recordId = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
            written++;
            Set(deleteIdentifiers, recordId);
            await deleteIdentifiers.ExecuteNonQueryAsync(cancellationToken);
            Set(deleteConsents, recordId);
            await deleteConsents.ExecuteNonQueryAsync(cancellationToken);
            foreach (var identifier in record.Identifiers)
            {
                Set(insertIdentifier, recordId, identifier.Kind.ToString(), identifier.Value, identifier.NormalizedValue);
                await insertIdentifier.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var consent in record.Consents)
            {
                Set(insertConsent, recordId, consent.Channel.ToString(), consent.Status.ToString(), consent.Scope, Timestamp(consent.ObservedAt), consent.ContactPoint);
                await insertConsent.ExecuteNonQueryAsync(cancellationToken);
            }

            Set(link, recordId, connectorId, record.SourceKey);
            await link.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Updates a stored record only when its content changed and the new version is not older: a version
    /// observed earlier than the stored one is a late, out-of-order delivery (vendors resend and reorder) and
    /// must not overwrite newer content, e.g. an older "subscribed" over a newer unsubscribe.
    /// </summary>
    private protected static string UpsertClause { get; } =
        $"ON CONFLICT (connector_id, source_key) DO UPDATE SET {string.Join(", ", RecordUpdates.Select(c => $"{c} = excluded.{c}"))} " +
        "WHERE source_records.content_hash <> excluded.content_hash AND source_records.observed_at <= excluded.observed_at";

    /// <summary>
    /// Inserts <paramref name="touchpoints"/>, skipping any whose (connector, source event id) is already
    /// stored, and links each to the connector's record with its source key where that record exists.
    /// Returns how many were inserted.
    /// </summary>
    public abstract Task<int> InsertTouchpointsAsync(DbConnection connection, DbTransaction transaction, int connectorId, IReadOnlyList<Touchpoint> touchpoints, CancellationToken cancellationToken);

    /// <summary>
    /// How a match run on <paramref name="db"/> writes its profile rows: EF Core tracked inserts unless a provider
    /// overrides this with its own bulk path.
    /// </summary>
    internal virtual ProfileRows ProfileRowsFor(ProfileHubDbContext db) => new(db);

    /// <summary>The parameter type of a timestamp column.</summary>
    private protected abstract DbType TimestampType { get; }

    /// <summary>A timestamp as the column stores it (timestamptz on PostgreSQL, UTC ticks on SQLite).</summary>
    private protected abstract object Timestamp(DateTimeOffset value);

    /// <summary>A text parameter used as a JSON column value.</summary>
    private protected abstract string Json(string parameter);

    private protected static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is built from ProfileHub's own constants; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private protected static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
