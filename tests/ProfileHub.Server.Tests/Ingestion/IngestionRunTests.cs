using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Ingestion;

/// <summary>The pipeline on a real database of each provider: idempotency, kill-and-resume, quarantine, linking.</summary>
public abstract class IngestionRunTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset T0 = IngestionHarness.T0;

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reading_the_same_window_twice_adds_no_rows_and_counts_duplicates()
    {
        await database.AddConnectorAsync("numbers", ConnectorKind.File, "numbered");
        var source = new NumberedSource(total: 250, batchSize: 100);
        var first = await database.RunAsync("numbers", source);
        await ResetWatermarkAsync("numbers");
        var second = await database.RunAsync("numbers", source);

        Assert.Equal((10, 250, 0), await database.CountRowsAsync());
        Assert.Equal((10, 250, 3), (first.RecordsWritten, first.TouchpointsInserted, first.Batches));
        // Every batch resends its 10 people unchanged, too: 250 events + 3 × 10 records.
        Assert.Equal((0, 0, 280), (second.RecordsWritten, second.TouchpointsInserted, second.Duplicates));
        await using var db = database.CreateContext();
        var runs = await db.ConnectorRuns.OrderBy(r => r.Id).ToListAsync();
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal((250, 0, 280), (runs[1].RowsRead, runs[1].RowsAccepted, runs[1].RowsDuplicate));
    }

    [Fact]
    public async Task A_source_that_dies_mid_run_fails_the_run_and_the_rerun_resumes_without_gap_or_duplicate()
    {
        await database.AddConnectorAsync("numbers", ConnectorKind.File, "numbered");
        var source = new NumberedSource(total: 1000, batchSize: 100) { FailAfterBatches = 3 };

        var error = await Assert.ThrowsAsync<IOException>(() => database.RunAsync("numbers", source));
        Assert.Contains("after 3 batches", error.Message, StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            var failed = await db.ConnectorRuns.SingleAsync();
            Assert.Equal(RunStatus.Failed, failed.Status);
            Assert.Contains("IOException", failed.Error, StringComparison.Ordinal);
            Assert.Equal("300", failed.WatermarkAfter);
            Assert.Equal(300, failed.RowsRead);
            Assert.Equal("300", (await db.Connectors.SingleAsync()).State);
            Assert.Equal(300, await db.Touchpoints.CountAsync());
        }

        source.FailAfterBatches = null;
        var rerun = await database.RunAsync("numbers", source);

        // No event twice; the 7 resumed batches resend their 10 unchanged people each.
        Assert.Equal((700, 0, 70), (rerun.TouchpointsInserted, rerun.RecordsWritten, rerun.Duplicates));
        Assert.Equal("1000", rerun.Watermark);
        await using (var db = database.CreateContext())
        {
            var ids = await db.Touchpoints.Select(t => t.SourceEventId).ToListAsync();
            Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"e{i}").Order(), ids.Order());
            var runs = await db.ConnectorRuns.OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(("300", "1000"), (runs[1].WatermarkBefore, runs[1].WatermarkAfter));
        }
    }

    [Fact]
    public async Task Rejected_rows_and_drafts_the_schema_would_refuse_are_quarantined_with_position_and_reason()
    {
        await database.AddConnectorAsync("scripted", ConnectorKind.File, "scripted");
        var good = new TouchpointDraft("ok-1", "p1", TouchpointChannel.Web, "page_view", T0);
        var badCurrency = good with { SourceEventId = "bad-1", Currency = "EURO", Position = "orders.jsonl:7" };
        var badProperties = good with { SourceEventId = "bad-2", Properties = "[1,2]", Position = "orders.jsonl:8" };
        var noKey = NumberedSource.Person("x") with { SourceKey = " ", Position = "people.csv:3", RawPayload = "x,y" };
        var batch = new SourceBatch([noKey], [good, badCurrency, badProperties], [new RejectedRow("orders.jsonl:2", "{\"type\":", "malformed JSON")], 5, "{\"line\":9}");

        var summary = await database.RunAsync("scripted", new ScriptedSource(batch));

        Assert.Equal((1, 4), (summary.TouchpointsInserted, summary.Quarantined));
        await using var db = database.CreateContext();
        var rows = await db.QuarantinedRows.OrderBy(q => q.Position).Select(q => new { q.Position, q.Reason, q.RawPayload }).ToListAsync();
        Assert.Equal(["orders.jsonl:2", "orders.jsonl:7", "orders.jsonl:8", "people.csv:3"], rows.Select(r => r.Position));
        Assert.Equal("malformed JSON", rows[0].Reason);
        Assert.Contains("ISO 4217", rows[1].Reason, StringComparison.Ordinal);
        Assert.Contains("JSON object", rows[2].Reason, StringComparison.Ordinal);
        Assert.Equal(("source key is missing", "x,y"), (rows[3].Reason, rows[3].RawPayload));
        Assert.Equal(4, (await db.ConnectorRuns.SingleAsync()).RowsQuarantined);
    }

    [Fact]
    public async Task A_rejected_row_read_again_is_quarantined_once_and_a_changed_row_at_its_position_again()
    {
        await database.AddConnectorAsync("scripted", ConnectorKind.File, "scripted");
        var bad = new RejectedRow("orders.jsonl:2", "{\"type\":", "malformed JSON");
        var fixedButStillBad = bad with { RawPayload = "{\"type\":1" };

        var first = await database.RunAsync("scripted", new ScriptedSource(new SourceBatch([], [], [bad], 1, "1")));
        var again = await database.RunAsync("scripted", new ScriptedSource(new SourceBatch([], [], [bad, bad], 2, "1")));
        var changed = await database.RunAsync("scripted", new ScriptedSource(new SourceBatch([], [], [fixedButStillBad], 1, "1")));

        Assert.Equal((1, 0, 1), (first.Quarantined, again.Quarantined, changed.Quarantined));
        Assert.Equal(2, again.Duplicates);
        Assert.Equal(["{\"type\":", "{\"type\":1"], (await database.QuarantineAsync()).Select(q => q.RawPayload));
        await using var db = database.CreateContext();
        Assert.Equal([1L, 0L, 1L], await db.ConnectorRuns.OrderBy(r => r.Id).Select(r => r.RowsQuarantined).ToListAsync());
    }

    [Fact]
    public async Task Touchpoints_link_to_their_record_also_when_the_record_arrives_in_a_later_batch()
    {
        await database.AddConnectorAsync("scripted", ConnectorKind.File, "scripted");
        var early = new TouchpointDraft("e1", "u1", TouchpointChannel.Web, "order_completed", T0) { Amount = 12.5m, Currency = "eur" };
        var late = new TouchpointDraft("e2", "u1", TouchpointChannel.Web, "page_view", T0.AddMinutes(1));
        var person = NumberedSource.Person("u1");

        await database.RunAsync("scripted", new ScriptedSource(
            new SourceBatch([], [early], [], 1, "1"),
            new SourceBatch([person], [late], [], 2, "2")));

        await using var db = database.CreateContext();
        var recordId = (await db.SourceRecords.SingleAsync()).Id;
        var touchpoints = await db.Touchpoints.OrderBy(t => t.SourceEventId).ToListAsync();
        Assert.All(touchpoints, t => Assert.Equal(recordId, t.SourceRecordId));
        Assert.Equal((12.5m, "EUR"), (touchpoints[0].Amount, touchpoints[0].Currency));
        Assert.Equal(TouchpointRules.Default.Classify(TouchpointChannel.Web, "order_completed"), touchpoints[0].Classification);
        Assert.Equal(JourneyStage.DuringPurchase, touchpoints[0].Stage);
    }

    [Fact]
    public async Task Changed_content_updates_the_record_and_replaces_its_identifiers_while_an_unchanged_resend_is_skipped()
    {
        await database.AddConnectorAsync("scripted", ConnectorKind.File, "scripted");
        var v1 = NumberedSource.Person("u1") with { Consents = [new ConsentDraft(ConsentChannel.Email, ConsentStatus.Granted, T0)] };
        var resend = v1 with { ObservedAt = T0.AddDays(1), RawPayload = "{\"resent\":true}" };
        var v2 = v1 with { Identifiers = [IdentifierDraft.Email("NEW@Example.com")!, IdentifierDraft.Phone("020 7946 0958", "GB")!], Address = new AddressDraft { City = "London", Country = "United Kingdom" } };

        var first = await database.RunAsync("scripted", new ScriptedSource(new SourceBatch([v1], [], [], 1, "1"), new SourceBatch([resend], [], [], 1, "2")));
        var second = await database.RunAsync("scripted", new ScriptedSource(new SourceBatch([v2], [], [], 1, "3")));

        Assert.Equal((1, 1), (first.RecordsWritten, first.Duplicates));
        Assert.Equal(1, second.RecordsWritten);
        await using var db = database.CreateContext();
        var record = await db.SourceRecords.Include(r => r.Identifiers).Include(r => r.Consents).SingleAsync();
        Assert.Equal(v2.ContentHash, record.ContentHash);
        Assert.Equal(("London", "GB"), (record.Address.City, record.Address.Country));
        Assert.Equal(["Email:new@example.com", "Phone:+442079460958"], record.Identifiers.Select(i => $"{i.Kind}:{i.NormalizedValue}").Order());
        Assert.Single(record.Consents);
        Assert.True(record.NeedsMatching);
    }

    [Fact]
    public async Task A_consent_statement_is_stored_once_per_address_of_its_channel_on_the_record()
    {
        await database.AddConnectorAsync("scripted", ConnectorKind.File, "scripted");
        var person = NumberedSource.Person("u1") with
        {
            Identifiers = [IdentifierDraft.Email("Home@Example.com")!, IdentifierDraft.Email("work@example.com")!, IdentifierDraft.Phone("020 7946 0958", "GB")!],
            Consents = [new ConsentDraft(ConsentChannel.Email, ConsentStatus.Unsubscribed, T0), new ConsentDraft(ConsentChannel.Sms, ConsentStatus.Granted, T0), new ConsentDraft(ConsentChannel.Mail, ConsentStatus.Granted, T0)],
        };

        await database.RunAsync("scripted", new ScriptedSource(new SourceBatch([person], [], [], 1, "1")));

        await using var db = database.CreateContext();
        var record = await db.SourceRecords.Include(r => r.Consents).SingleAsync();
        Assert.Equal(
            ["Email:home@example.com:Unsubscribed", "Email:work@example.com:Unsubscribed", "Mail::Granted", "Sms:+442079460958:Granted"],
            record.Consents.Select(c => $"{c.Channel}:{c.ContactPoint}:{c.Status}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_late_older_version_of_a_record_does_not_overwrite_the_newer_one()
    {
        await database.AddConnectorAsync("scripted", ConnectorKind.File, "scripted");
        var newer = NumberedSource.Person("u1") with { ObservedAt = T0.AddDays(2), FirstName = "Newer" };
        var older = NumberedSource.Person("u1") with { ObservedAt = T0.AddDays(1), FirstName = "Older" };

        var run = await database.RunAsync("scripted", new ScriptedSource(new SourceBatch([newer], [], [], 1, "1"), new SourceBatch([older], [], [], 1, "2")));

        Assert.Equal(1, run.RecordsWritten);
        await using var db = database.CreateContext();
        var record = await db.SourceRecords.SingleAsync();
        Assert.Equal(("Newer", T0.AddDays(2)), (record.FirstName, record.ObservedAt));
    }

    [Fact]
    public async Task Inbound_payloads_a_batch_consumed_are_marked_processed_with_it()
    {
        var connectorId = await database.AddConnectorAsync("scripted", ConnectorKind.File, "scripted");
        await using (var db = database.CreateContext())
        {
            db.InboundPayloads.AddRange(new InboundPayload(connectorId, "{}", T0), new InboundPayload(connectorId, "{}", T0));
            await db.SaveChangesAsync();
        }

        long firstId;
        await using (var db = database.CreateContext())
        {
            firstId = await db.InboundPayloads.MinAsync(p => p.Id);
        }

        await database.RunAsync("scripted", new ScriptedSource(new SourceBatch([], [], [], 1, "1") { InboundPayloadIds = [firstId] }));

        await using (var db = database.CreateContext())
        {
            var payloads = await db.InboundPayloads.OrderBy(p => p.Id).ToListAsync();
            Assert.Equal([true, false], payloads.Select(p => p.Processed));
            Assert.Equal(T0, payloads[0].ProcessedAt);
        }
    }

    private async Task ResetWatermarkAsync(string connector)
    {
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlAsync($"UPDATE connectors SET state = NULL WHERE name = {connector}");
    }

    [Fact]
    public async Task A_run_left_running_by_a_killed_process_is_marked_abandoned_by_the_next_run_and_a_live_one_is_not()
    {
        // What kill -9 leaves: a Running row whose heartbeat stopped (here 6 minutes ago, past the 5-minute lease),
        // beside a run another live process started a minute ago.
        var connectorId = await database.AddConnectorAsync("numbers", ConnectorKind.File, "numbered");
        await database.AddConnectorAsync("other", ConnectorKind.File, "numbered");
        long killed, live;
        await using (var db = database.CreateContext())
        {
            var killedRun = new ConnectorRun(await db.Connectors.SingleAsync(c => c.Id == connectorId), T0 - TimeSpan.FromMinutes(6));
            var liveRun = new ConnectorRun(await db.Connectors.SingleAsync(c => c.Name == "other"), T0 - TimeSpan.FromMinutes(1));
            db.ConnectorRuns.AddRange(killedRun, liveRun);
            await db.SaveChangesAsync();
            (killed, live) = (killedRun.Id, liveRun.Id);
        }

        await database.RunAsync("numbers", new NumberedSource(total: 10, batchSize: 10));

        await using var check = database.CreateContext();
        var runs = await check.ConnectorRuns.AsNoTracking().ToDictionaryAsync(r => r.Id);
        Assert.Equal(RunStatus.Failed, runs[killed].Status);
        Assert.StartsWith("abandoned:", runs[killed].Error, StringComparison.Ordinal);
        Assert.Equal(T0 - TimeSpan.FromMinutes(6), runs[killed].FinishedAt);
        Assert.Equal((RunStatus.Running, null), (runs[live].Status, runs[live].FinishedAt));
        Assert.Equal(RunStatus.Succeeded, Assert.Single(runs.Values, r => r.Id != killed && r.Id != live).Status);
    }

    [Fact]
    public async Task A_run_longer_than_the_lease_keeps_its_heartbeat_fresh_and_is_not_taken_for_abandoned()
    {
        await database.AddConnectorAsync("slow", ConnectorKind.File, "blocking");
        await database.AddConnectorAsync("numbers", ConnectorKind.File, "numbered");
        var clock = new FixedClock(T0);
        var blocking = new BlockingSource();
        var options = new IngestionOptions { HttpRetries = 0, HeartbeatInterval = TimeSpan.FromMilliseconds(50) };
        var pipeline = new IngestionRun(database.Provider, new ConnectorSourceRegistry([blocking, new NumberedSource(10, 10)]), clock, NullLoggerFactory.Instance, options);

        var slow = pipeline.ExecuteAsync("slow", null, CancellationToken.None);
        await blocking.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMinutes(10));
        await WaitForAsync(async () =>
        {
            await using var db = database.CreateContext();
            return (await db.ConnectorRuns.AsNoTracking().SingleAsync()).HeartbeatAt == T0 + TimeSpan.FromMinutes(10);
        });

        // Another run's sweep, ten minutes after the slow run started: its fresh heartbeat keeps it Running.
        await pipeline.ExecuteAsync("numbers", null, CancellationToken.None);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(RunStatus.Running, (await db.ConnectorRuns.AsNoTracking().OrderBy(r => r.Id).FirstAsync()).Status);
        }

        blocking.Release.SetResult();
        await slow.WaitAsync(TimeSpan.FromSeconds(30));
        await using var check = database.CreateContext();
        Assert.All(await check.ConnectorRuns.AsNoTracking().ToListAsync(), r => Assert.Equal(RunStatus.Succeeded, r.Status));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "the condition did not hold within 30 seconds");
            await Task.Delay(20);
        }
    }

    /// <summary>A source that starts, then yields nothing until released: a run in progress for as long as a test needs.</summary>
    private sealed class BlockingSource : IConnectorSource
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConnectorKind Kind => ConnectorKind.File;

        public string Format => "blocking";

        public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Started.SetResult();
            await Release.Task.WaitAsync(cancellationToken);
            yield break;
        }
    }
}

public sealed class SqliteIngestionRunTests(SqliteTestDatabase database) : IngestionRunTests<SqliteTestDatabase>(database);

public sealed class PostgresIngestionRunTests(PostgresTestDatabase database) : IngestionRunTests<PostgresTestDatabase>(database);
