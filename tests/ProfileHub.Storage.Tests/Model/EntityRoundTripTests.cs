using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using StoredMatchModel = ProfileHub.Core.Matching.StoredMatchModel;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Model;

/// <summary>Every entity is written and read back through a fresh context, on each provider.</summary>
public abstract class EntityRoundTripTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Connector_run_and_quarantined_row_round_trip()
    {
        long runId;
        await using (var db = database.CreateContext())
        {
            var connector = new Connector("zendesk-main", ConnectorKind.Support, 80, T0)
            {
                Schedule = "0 */5 * * * ?",
                Settings = """{"subdomain":"acme"}""",
            };
            db.Connectors.Add(connector);
            await db.SaveChangesAsync();
            var run = new ConnectorRun(connector, T0.AddMinutes(1));
            run.Count(read: 10, accepted: 7, duplicate: 2, quarantined: 1);
            run.CommitBatch("""{"after_cursor":"abc"}""");
            run.Complete(T0.AddMinutes(2));
            db.ConnectorRuns.Add(run);
            await db.SaveChangesAsync();
            db.QuarantinedRows.Add(new QuarantinedRow(run.Id, run.ConnectorId, "users page 1, item 4", "{\"id\":", "unterminated JSON object", T0.AddMinutes(1)));
            await db.SaveChangesAsync();
            runId = run.Id;
        }

        await using (var db = database.CreateContext())
        {
            var run = await db.ConnectorRuns.Include(r => r.Connector).SingleAsync(r => r.Id == runId);
            Assert.Equal("zendesk-main", run.Connector!.Name);
            Assert.Equal(ConnectorKind.Support, run.Connector.Kind);
            Assert.Equal(80, run.Connector.Trust);
            Assert.Equal("0 */5 * * * ?", run.Connector.Schedule);
            Assert.Contains("acme", run.Connector.Settings, StringComparison.Ordinal);
            Assert.Contains("abc", run.Connector.State, StringComparison.Ordinal);
            Assert.Equal((10, 7, 2, 1), (run.RowsRead, run.RowsAccepted, run.RowsDuplicate, run.RowsQuarantined));
            Assert.Equal(RunStatus.Succeeded, run.Status);
            Assert.Null(run.WatermarkBefore);
            Assert.Contains("abc", run.WatermarkAfter, StringComparison.Ordinal);
            Assert.Equal(T0.AddMinutes(2), run.FinishedAt);
            var row = await db.QuarantinedRows.SingleAsync(q => q.RunId == runId);
            Assert.Equal(("users page 1, item 4", "{\"id\":", "unterminated JSON object"), (row.Position, row.RawPayload, row.Reason));
        }
    }

    [Fact]
    public async Task Source_record_with_identifiers_consents_and_address_round_trips()
    {
        var connectorId = await AddConnectorAsync("segment");
        long recordId;
        await using (var db = database.CreateContext())
        {
            var record = new SourceRecord(connectorId, "user-42", T0, T0.AddSeconds(5))
            {
                FirstName = "José",
                LastName = "Núñez",
                FullName = "José Núñez",
                BirthDate = new DateOnly(1990, 2, 28),
                BirthDateRaw = "19900228",
                Gender = "m",
                RawPayload = """{"userId":"user-42"}""",
                Address = new PostalAddress { StreetNumber = "12", Street = "Calle Mayor", AddressLine2 = "3º B", City = "Madrid", Region = "MD", PostalCode = "28013", Country = "ES" },
            };
            record.Identifiers.Add(new RecordIdentifier(IdentifierKind.Email, " Jose@Example.com", "jose@example.com"));
            record.Identifiers.Add(new RecordIdentifier(IdentifierKind.Phone, "612 345 678", "+34612345678"));
            record.Consents.Add(new ConsentState(ConsentChannel.Email, ConsentStatus.Unsubscribed, T0, scope: "newsletter"));
            Assert.True(record.ApplyContent(new string('a', 64), T0, T0.AddSeconds(5)));
            db.SourceRecords.Add(record);
            await db.SaveChangesAsync();
            recordId = record.Id;
        }

        await using (var db = database.CreateContext())
        {
            var record = await db.SourceRecords.Include(r => r.Identifiers).Include(r => r.Consents).SingleAsync(r => r.Id == recordId);
            Assert.Equal(("José", "Núñez", "José Núñez"), (record.FirstName, record.LastName, record.FullName));
            Assert.Equal(new DateOnly(1990, 2, 28), record.BirthDate);
            Assert.Equal(("12", "Calle Mayor", "3º B", "Madrid", "MD", "28013", "ES"),
                (record.Address.StreetNumber, record.Address.Street, record.Address.AddressLine2, record.Address.City, record.Address.Region, record.Address.PostalCode, record.Address.Country));
            Assert.Equal(["+34612345678", "jose@example.com"], record.Identifiers.Select(i => i.NormalizedValue).Order(StringComparer.Ordinal));
            var consent = Assert.Single(record.Consents);
            Assert.Equal((ConsentChannel.Email, ConsentStatus.Unsubscribed, "newsletter"), (consent.Channel, consent.Status, consent.Scope));
            Assert.Equal(T0, record.ObservedAt);
            Assert.True(record.NeedsMatching);
            Assert.False(record.ApplyContent(new string('a', 64), T0.AddDays(1), T0.AddDays(1)));
        }
    }

    [Fact]
    public async Task A_second_record_with_the_same_source_key_is_refused()
    {
        var connectorId = await AddConnectorAsync("loyalty");
        await using var db = database.CreateContext();
        db.SourceRecords.Add(Record(connectorId, "member-1"));
        db.SourceRecords.Add(Record(connectorId, "member-1"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Touchpoint_round_trips_with_its_classification_and_a_resend_is_refused()
    {
        var connectorId = await AddConnectorAsync("shop-web");
        var classification = new TouchpointClassification(JourneyStage.DuringPurchase, Online: true, Controllable: true, Initiative.Reactive);
        await using (var db = database.CreateContext())
        {
            db.Touchpoints.Add(new Touchpoint(connectorId, "msg-1", TouchpointChannel.Web, "order_completed", T0, classification, T0)
            {
                SourceKey = "user-42",
                Amount = 129.95m,
                Currency = "EUR",
                Properties = """{"order_id":"o-1"}""",
                Metrics = """{"items":3}""",
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var touchpoint = await db.Touchpoints.SingleAsync();
            Assert.Equal(classification, touchpoint.Classification);
            Assert.Equal(("msg-1", "order_completed", TouchpointChannel.Web, "user-42"), (touchpoint.SourceEventId, touchpoint.Type, touchpoint.Channel, touchpoint.SourceKey));
            Assert.Equal(129.95m, touchpoint.Amount);
            Assert.Equal(T0, touchpoint.OccurredAt);
            db.Touchpoints.Add(new Touchpoint(connectorId, "msg-1", TouchpointChannel.Web, "order_completed", T0, classification, T0));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task Profile_with_lineage_memberships_and_merge_round_trips()
    {
        var connectorId = await AddConnectorAsync("crm");
        var clock = new FixedClock(T0);
        var older = GoldenProfile.Create(clock);
        var newer = GoldenProfile.Create(new FixedClock(T0.AddMinutes(1)));
        long recordId;
        await using (var db = database.CreateContext())
        {
            var record = Record(connectorId, "c-1");
            db.SourceRecords.Add(record);
            await db.SaveChangesAsync();
            recordId = record.Id;
            older.ReplaceAttributes(
            [
                new ProfileAttributeValue(AttributeNames.FirstName, "Ana", 0, new AttributeLineage(record.Id, "crm", T0, "SourceTrust", false)),
                new ProfileAttributeValue(AttributeNames.Email, "ana@example.com", 0, new AttributeLineage(record.Id, "crm", T0, "MostRecent", false)),
                new ProfileAttributeValue(AttributeNames.Email, "ana.w@example.org", 1, new AttributeLineage(record.Id, "crm", T0, "MostRecent", false)),
                new ProfileAttributeValue(AttributeNames.BirthDate, "1988-07-01", 0, new AttributeLineage(null, null, null, "Pin", true)),
            ], T0);
            db.Profiles.AddRange(older, newer);
            db.Memberships.Add(new ProfileMembership(record.Id, older.Id, 14.2, """{"total":14.2}""", LinkOrigin.Rule, T0));
            await db.SaveChangesAsync();
            newer.MergeInto(older, T0.AddMinutes(2));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var profile = await db.Profiles.Include(p => p.Attributes).SingleAsync(p => p.Id == older.Id);
            Assert.Equal(("Ana", "ana@example.com", new DateOnly(1988, 7, 1)), (profile.GivenName, profile.PrimaryEmail, profile.BirthDate));
            Assert.Equal(2, profile.Version);
            var pinned = profile.Attributes.Single(a => a.Name == AttributeNames.BirthDate);
            Assert.True(pinned.Pinned);
            Assert.Null(pinned.SourceRecordId);
            Assert.Equal(new AttributeLineage(recordId, "crm", T0, "SourceTrust", false), profile.Attributes.Single(a => a.Name == AttributeNames.FirstName).Lineage);
            var merged = await db.Profiles.SingleAsync(p => p.Id == newer.Id);
            Assert.Equal((ProfileStatus.Merged, older.Id), (merged.Status, merged.MergedIntoId));
            var membership = await db.Memberships.SingleAsync(m => m.RecordId == recordId);
            Assert.Equal((older.Id, 14.2, LinkOrigin.Rule), (membership.ProfileId, membership.Score, membership.LinkedBy));
        }
    }

    [Fact]
    public async Task A_stale_profile_version_is_refused()
    {
        var profile = GoldenProfile.Create(new FixedClock(T0));
        await using (var db = database.CreateContext())
        {
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Profiles.Include(p => p.Attributes).SingleAsync();
        var b = await second.Profiles.Include(p => p.Attributes).SingleAsync();
        a.ReplaceAttributes([], T0.AddMinutes(1));
        await first.SaveChangesAsync();
        b.ReplaceAttributes([], T0.AddMinutes(2));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Steward_constraints_review_items_and_audit_events_round_trip()
    {
        var connectorId = await AddConnectorAsync("support");
        var profile = GoldenProfile.Create(new FixedClock(T0));
        await using (var db = database.CreateContext())
        {
            var a = Record(connectorId, "a");
            var b = Record(connectorId, "b");
            db.SourceRecords.AddRange(a, b);
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
            var pin = StewardConstraint.Pin(profile.Id, AttributeNames.LastName, "Okafor", "steward-1", T0, "marriage certificate");
            db.StewardConstraints.AddRange(
                StewardConstraint.CannotLink(b.Id, a.Id, "steward-1", T0),
                StewardConstraint.MustLink(a.Id, b.Id, "steward-2", T0),
                pin);
            db.ReviewItems.Add(new ReviewItem(b.Id, a.Id, 7.5, """{"total":7.5}""", T0));
            db.AuditEvents.Add(new AuditEvent("steward-1", "pin", "profile", profile.Id.ToString(), """{"LastName":"Okafor-Smith"}""", """{"LastName":"Okafor"}""", T0));
            await db.SaveChangesAsync();
            pin.Revoke(T0.AddDays(1));
            var item = await db.ReviewItems.SingleAsync();
            item.Resolve(ReviewStatus.NotAMatch, "steward-1", T0.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var constraints = await db.StewardConstraints.OrderBy(c => c.Id).ToListAsync();
            Assert.Equal([ConstraintKind.CannotLink, ConstraintKind.MustLink, ConstraintKind.PinnedValue], constraints.Select(c => c.Kind));
            Assert.True(constraints[0].RecordA < constraints[0].RecordB);
            Assert.Equal(("Okafor", T0.AddDays(1)), (constraints[2].Value, constraints[2].RevokedAt));
            Assert.False(constraints[2].IsActive);
            var item = await db.ReviewItems.SingleAsync();
            Assert.True(item.RecordA < item.RecordB);
            Assert.Equal((ReviewStatus.NotAMatch, "steward-1", 7.5), (item.Status, item.ResolvedBy, item.Score));
            var audit = await db.AuditEvents.SingleAsync();
            Assert.Equal(("pin", profile.Id.ToString()), (audit.Action, audit.EntityId));
            Assert.Contains("Okafor-Smith", audit.Before, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api_keys_inbound_payloads_and_match_models_round_trip()
    {
        var connectorId = await AddConnectorAsync("sendgrid");
        var (key, secret) = ApiKey.Create("steward-jane", ApiRole.Steward, T0);
        await using (var db = database.CreateContext())
        {
            key.Revoke(T0.AddDays(3));
            db.ApiKeys.Add(key);
            var payload = new InboundPayload(connectorId, """[{"event":"open"}]""", T0);
            payload.MarkProcessed(T0.AddMinutes(1));
            db.InboundPayloads.Add(payload);
            db.MatchModels.Add(new StoredMatchModel("""{"lambda":0.001}""", 1234, T0));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Hash == ApiKey.HashOf(secret));
            Assert.Equal(("steward-jane", ApiRole.Steward, T0, T0.AddDays(3)), (stored.Name, stored.Role, stored.CreatedAt, stored.RevokedAt));
            var payload = await db.InboundPayloads.SingleAsync();
            Assert.Equal((connectorId, true, T0.AddMinutes(1)), (payload.ConnectorId, payload.Processed, payload.ProcessedAt));
            Assert.Contains("open", payload.Body, StringComparison.Ordinal);
            var model = await db.MatchModels.SingleAsync();
            Assert.Equal((1234, T0), (model.RecordCount, model.TrainedAt));
            Assert.Contains("lambda", model.Document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Times_compare_and_sort_in_the_database()
    {
        var connectorId = await AddConnectorAsync("events");
        var classification = new TouchpointClassification(JourneyStage.BeforePurchase, true, true, Initiative.Proactive);
        await using (var db = database.CreateContext())
        {
            for (var i = 0; i < 5; i++)
            {
                db.Touchpoints.Add(new Touchpoint(connectorId, $"e{i}", TouchpointChannel.Email, "email_open", T0.AddHours(-i), classification, T0));
            }

            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var recent = await db.Touchpoints.Where(t => t.OccurredAt > T0.AddHours(-2.5)).OrderBy(t => t.OccurredAt).Select(t => t.SourceEventId).ToListAsync();
            Assert.Equal(["e2", "e1", "e0"], recent);
        }
    }

    private async Task<int> AddConnectorAsync(string name)
    {
        await using var db = database.CreateContext();
        var connector = new Connector(name, ConnectorKind.File, 50, T0);
        db.Connectors.Add(connector);
        await db.SaveChangesAsync();
        return connector.Id;
    }

    private static SourceRecord Record(int connectorId, string key)
    {
        var record = new SourceRecord(connectorId, key, T0, T0);
        record.ApplyContent(new string('0', 64), T0, T0);
        return record;
    }
}

public sealed class SqliteEntityRoundTripTests(SqliteTestDatabase database) : EntityRoundTripTests<SqliteTestDatabase>(database);

public sealed class PostgresEntityRoundTripTests(PostgresTestDatabase database) : EntityRoundTripTests<PostgresTestDatabase>(database);

public sealed class SqlServerEntityRoundTripTests(SqlServerTestDatabase database) : EntityRoundTripTests<SqlServerTestDatabase>(database);
