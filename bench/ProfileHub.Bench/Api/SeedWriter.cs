using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;

namespace ProfileHub.Bench.Api;

/// <summary>
/// Streams the population into PostgreSQL: one thread writes profiles, attributes, records, identifiers and
/// memberships (five COPY streams on five connections, so five server processes parse in parallel), another
/// writes the touchpoints. Each table is emptied and loaded in one transaction with COPY FREEZE.
/// </summary>
internal sealed class SeedWriter(SeedPopulation population, int[] connectorIds, int profiles, int touchpointsPerProfile)
{
    private const int AttributesPerProfile = 10;

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public async Task<SortedDictionary<string, long>> WriteAsync(string connectionString)
    {
        var people = Task.Run(() => WritePeople(connectionString));
        var events = Task.Run(() => WriteTouchpoints(connectionString));
        await Task.WhenAll(people, events);
        return new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);
    }

    private void WritePeople(string connectionString)
    {
        using var profileCopy = new FrozenCopy(connectionString, "profiles",
            "id, version, status, created_at, updated_at, given_name, family_name, primary_email, primary_phone, city, country, birth_date");
        using var attributeCopy = new FrozenCopy(connectionString, "profile_attributes",
            "id, profile_id, name, value, ordinal, source_record_id, source, observed_at, rule, pinned");
        using var recordCopy = new FrozenCopy(connectionString, "source_records",
            "id, connector_id, source_key, first_name, last_name, full_name, street_number, street, city, region, postal_code, country, " +
            "birth_date, gender, observed_at, ingested_at, content_hash, needs_matching");
        using var identifierCopy = new FrozenCopy(connectionString, "record_identifiers", "id, record_id, kind, value, normalized_value");
        using var membershipCopy = new FrozenCopy(connectionString, "profile_memberships", "record_id, profile_id, score, explanation, linked_by, linked_at");

        long identifierId = 0;
        for (var index = 0; index < profiles; index++)
        {
            var person = population.Person(index);
            var random = population.Generator(index, 1);
            var updatedAt = person.CreatedAt.AddMinutes(random.Next(60 * 24 * 30));

            var p = profileCopy.Importer;
            p.StartRow();
            p.Write(person.ProfileId, NpgsqlDbType.Uuid);
            p.Write(1, NpgsqlDbType.Integer);
            p.Write(nameof(ProfileStatus.Active), NpgsqlDbType.Varchar);
            p.Write(person.CreatedAt, NpgsqlDbType.TimestampTz);
            p.Write(updatedAt, NpgsqlDbType.TimestampTz);
            p.Write(person.GivenName, NpgsqlDbType.Varchar);
            p.Write(person.FamilyName, NpgsqlDbType.Varchar);
            p.Write(person.Email, NpgsqlDbType.Varchar);
            p.Write(person.Phone, NpgsqlDbType.Varchar);
            p.Write(person.City, NpgsqlDbType.Varchar);
            p.Write("US", NpgsqlDbType.Varchar);
            p.Write(person.BirthDate, NpgsqlDbType.Date);

            // Web and ad records rarely carry a postal address; the second record (loyalty, email, support) does.
            var firstHasAddress = person.FirstConnector is 1 or 3 || random.Next(4) == 0;
            var firstHasPhone = random.Next(2) == 0;
            for (var which = 0; which < 2; which++)
            {
                var recordId = person.RecordId(which);
                var connector = SeedPopulation.Connectors[person.Connector(which)];
                var sourceKey = SourceKey(person, which);
                var observedAt = person.CreatedAt.AddMinutes(which * random.Next(60 * 24 * 20));
                var address = which == 1 || firstHasAddress;
                var r = recordCopy.Importer;
                r.StartRow();
                r.Write(recordId, NpgsqlDbType.Bigint);
                r.Write(connectorIds[person.Connector(which)], NpgsqlDbType.Integer);
                r.Write(sourceKey, NpgsqlDbType.Varchar);
                r.Write(person.GivenName, NpgsqlDbType.Text);
                r.Write(person.FamilyName, NpgsqlDbType.Text);
                r.Write($"{person.GivenName} {person.FamilyName}", NpgsqlDbType.Text);
                WriteText(r, address ? person.StreetNumber : null);
                WriteText(r, address ? person.Street : null);
                WriteText(r, address ? person.City : null);
                WriteText(r, address ? person.Region : null);
                WriteText(r, address ? person.PostalCode : null);
                r.Write("US", NpgsqlDbType.Varchar);
                if (which == 1)
                {
                    r.Write(person.BirthDate, NpgsqlDbType.Date);
                }
                else
                {
                    r.WriteNull();
                }

                WriteText(r, person.Gender);
                r.Write(observedAt, NpgsqlDbType.TimestampTz);
                r.Write(observedAt, NpgsqlDbType.TimestampTz);
                r.Write(IdentifierHash.Sha256Hex(sourceKey), NpgsqlDbType.Varchar);
                r.Write(false, NpgsqlDbType.Boolean);

                Identifier(identifierCopy.Importer, ++identifierId, recordId, IdentifierKind.Email, person.EmailAsWritten, person.Email);
                if (which == 1 || firstHasPhone)
                {
                    Identifier(identifierCopy.Importer, ++identifierId, recordId, IdentifierKind.Phone, person.PhoneAsWritten, person.Phone);
                }

                var m = membershipCopy.Importer;
                m.StartRow();
                m.Write(recordId, NpgsqlDbType.Bigint);
                m.Write(person.ProfileId, NpgsqlDbType.Uuid);
                if (which == 0)
                {
                    m.WriteNull();
                    m.WriteNull();
                    m.Write(nameof(LinkOrigin.Seed), NpgsqlDbType.Varchar);
                }
                else
                {
                    var explanation = SeedApiCommand.Explanation(person, random);
                    m.Write(20.0 + random.NextDouble(), NpgsqlDbType.Double);
                    m.Write(explanation, NpgsqlDbType.Jsonb);
                    m.Write(nameof(LinkOrigin.Rule), NpgsqlDbType.Varchar);
                }

                m.Write(updatedAt, NpgsqlDbType.TimestampTz);
            }

            WriteAttributes(attributeCopy.Importer, person, random, updatedAt);
        }

        _counts["profiles"] = profiles;
        _counts["source_records"] = 2L * profiles;
        _counts["profile_memberships"] = 2L * profiles;
        _counts["profile_attributes"] = (long)AttributesPerProfile * profiles;
        _counts["record_identifiers"] = identifierId;
        foreach (var copy in (FrozenCopy[])[profileCopy, attributeCopy, recordCopy, identifierCopy, membershipCopy])
        {
            copy.Commit();
        }
    }

    private void WriteAttributes(NpgsqlBinaryImporter a, SeedPerson person, Random random, DateTimeOffset observedAt)
    {
        // The ten survived values of the profile, each citing the record (and connector) that supplied it.
        (string Name, string Value, int Which)[] values =
        [
            (AttributeNames.FirstName, person.GivenName, random.Next(2)),
            (AttributeNames.LastName, person.FamilyName, random.Next(2)),
            (AttributeNames.FullName, $"{person.GivenName} {person.FamilyName}", random.Next(2)),
            (AttributeNames.Email, person.Email, random.Next(2)),
            (AttributeNames.Phone, person.Phone, 1),
            (AttributeNames.Street, $"{person.StreetNumber} {person.Street}", 1),
            (AttributeNames.City, person.City, 1),
            (AttributeNames.PostalCode, person.PostalCode, 1),
            (AttributeNames.Country, "US", random.Next(2)),
            (AttributeNames.BirthDate, person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 1),
        ];
        for (var k = 0; k < values.Length; k++)
        {
            var (name, value, which) = values[k];
            a.StartRow();
            a.Write(((long)person.Index * AttributesPerProfile) + k + 1, NpgsqlDbType.Bigint);
            a.Write(person.ProfileId, NpgsqlDbType.Uuid);
            a.Write(name, NpgsqlDbType.Varchar);
            a.Write(value, NpgsqlDbType.Text);
            a.Write(0, NpgsqlDbType.Integer);
            a.Write(person.RecordId(which), NpgsqlDbType.Bigint);
            a.Write(SeedPopulation.Connectors[person.Connector(which)].Name, NpgsqlDbType.Varchar);
            a.Write(observedAt, NpgsqlDbType.TimestampTz);
            a.Write(SeedApiCommand.Rule(random), NpgsqlDbType.Varchar);
            a.Write(false, NpgsqlDbType.Boolean);
        }
    }

    private void WriteTouchpoints(string connectionString)
    {
        using var copy = new FrozenCopy(connectionString, "touchpoints",
            "id, connector_id, source_event_id, source_key, source_record_id, channel, type, occurred_at, stage, online, controllable, " +
            "initiative, amount, currency, ingested_at");
        var t = copy.Importer;
        for (var index = 0; index < profiles; index++)
        {
            var person = population.Person(index);
            var random = population.Generator(index, 2);
            for (var k = 0; k < touchpointsPerProfile; k++)
            {
                // Most of a customer's events come from the web or email record; the journey spans up to a year.
                var which = random.Next(10) < 6 ? 0 : 1;
                var connector = person.Connector(which);
                var types = SeedPopulation.EventTypes[connector];
                var type = types[(int)(types.Length * Math.Pow(random.NextDouble(), 1.7))];
                var id = ((long)index * touchpointsPerProfile) + k + 1;
                var occurredAt = person.CreatedAt.AddSeconds(random.Next(365 * 24 * 3600));
                t.StartRow();
                t.Write(id, NpgsqlDbType.Bigint);
                t.Write(connectorIds[connector], NpgsqlDbType.Integer);
                t.Write($"evt-{id}", NpgsqlDbType.Varchar);
                t.Write(SourceKey(person, which), NpgsqlDbType.Varchar);
                t.Write(person.RecordId(which), NpgsqlDbType.Bigint);
                t.Write(SeedPopulation.Connectors[connector].Channel.ToString(), NpgsqlDbType.Varchar);
                t.Write(type.Type, NpgsqlDbType.Varchar);
                t.Write(occurredAt, NpgsqlDbType.TimestampTz);
                t.Write(type.Stage.ToString(), NpgsqlDbType.Varchar);
                t.Write(type.Online, NpgsqlDbType.Boolean);
                t.Write(type.Controllable, NpgsqlDbType.Boolean);
                t.Write(type.Initiative.ToString(), NpgsqlDbType.Varchar);
                if (type.Purchase)
                {
                    t.Write(Math.Round((decimal)(5 + (random.NextDouble() * 300)), 2), NpgsqlDbType.Numeric);
                    t.Write("USD", NpgsqlDbType.Varchar);
                }
                else
                {
                    t.WriteNull();
                    t.WriteNull();
                }

                t.Write(occurredAt.AddSeconds(random.Next(3600)), NpgsqlDbType.TimestampTz);
            }
        }

        _counts["touchpoints"] = (long)touchpointsPerProfile * profiles;
        copy.Commit();
    }

    private static string SourceKey(SeedPerson person, int which) =>
        $"{SeedPopulation.Connectors[person.Connector(which)].KeyPrefix}-{person.RecordId(which)}";

    private static void Identifier(NpgsqlBinaryImporter i, long id, long recordId, IdentifierKind kind, string value, string normalized)
    {
        i.StartRow();
        i.Write(id, NpgsqlDbType.Bigint);
        i.Write(recordId, NpgsqlDbType.Bigint);
        i.Write(kind.ToString(), NpgsqlDbType.Varchar);
        i.Write(value, NpgsqlDbType.Varchar);
        i.Write(normalized, NpgsqlDbType.Varchar);
    }

    private static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    /// <summary>
    /// A COPY into a table emptied in the same transaction, with FREEZE: rows are written frozen and the
    /// visibility map set, so the benchmark's first reads neither write hint bits nor wait for a vacuum.
    /// </summary>
    private sealed class FrozenCopy : IDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;

        public FrozenCopy(string connectionString, string table, string columns)
        {
            _connection = new NpgsqlConnection(connectionString);
            _connection.Open();
            _transaction = _connection.BeginTransaction();
#pragma warning disable CA2100 // Constant table names of this bench.
            using (var truncate = new NpgsqlCommand($"TRUNCATE {table}", _connection, _transaction))
#pragma warning restore CA2100
            {
                truncate.ExecuteNonQuery();
            }

            Importer = _connection.BeginBinaryImport($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY, FREEZE)");
        }

        public NpgsqlBinaryImporter Importer { get; }

        public void Commit()
        {
            Importer.Complete();
            Importer.Dispose();
            _transaction.Commit();
        }

        public void Dispose()
        {
            Importer.Dispose();
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}
