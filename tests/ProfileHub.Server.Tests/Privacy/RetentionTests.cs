using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Server.Privacy;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Storage;
using ProfileHub.Storage.Segments;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Privacy;

/// <summary>
/// Retention per source on each database: `profilehub retention run` and the Quartz job purge a connector's
/// touchpoints, processed inbound payloads and quarantined rows older than its RetentionDays, keep younger rows
/// and other connectors' rows, rebuild the traits of the profiles that lost touchpoints, and record the run.
/// </summary>
public abstract class RetentionTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // The verb and the job read the real clock: the seeded rows are old or young relative to now.
    private readonly DateTimeOffset _now = TimeProvider.System.GetUtcNow();
    private readonly string _directory = Directory.CreateTempSubdirectory("profilehub-retention-").FullName;
    private readonly Dictionary<string, Guid> _profiles = new(StringComparer.Ordinal);
    private int _web;
    private int _mail;
    private int _event;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await using var db = database.CreateContext();
        var web = new Connector("web", ConnectorKind.Web, 50, _now.AddYears(-2));
        var mail = new Connector("mail", ConnectorKind.Email, 50, _now.AddYears(-2));
        db.Connectors.AddRange(web, mail);
        await db.SaveChangesAsync();
        (_web, _mail) = (web.Id, mail.Id);

        var ada = await PersonAsync(db, "ada");
        var bo = await PersonAsync(db, "bo");
        Touch(db, _web, ada, "page_view", daysAgo: 400, count: 3);
        Touch(db, _web, ada, "page_view", daysAgo: 2, count: 2);
        Touch(db, _mail, ada, "open", daysAgo: 400, count: 1);
        Touch(db, _web, bo, "page_view", daysAgo: 400, count: 2);
        Touch(db, _web, null, "page_view", daysAgo: 400, count: 1); // waiting for its record: no profile yet

        db.InboundPayloads.AddRange(
            Payload(_web, "old-processed", daysAgo: 400, processed: true),
            Payload(_web, "old-unprocessed", daysAgo: 400, processed: false),
            Payload(_web, "young-processed", daysAgo: 2, processed: true),
            Payload(_mail, "mail-old-processed", daysAgo: 400, processed: true));
        var webRun = new ConnectorRun(web, _now.AddDays(-400));
        var mailRun = new ConnectorRun(mail, _now.AddDays(-400));
        db.ConnectorRuns.AddRange(webRun, mailRun);
        await db.SaveChangesAsync();
        db.QuarantinedRows.AddRange(
            new QuarantinedRow(webRun.Id, _web, "events.jsonl:1", "{old web row", "malformed", _now.AddDays(-400)),
            new QuarantinedRow(webRun.Id, _web, "events.jsonl:2", "{young web row", "malformed", _now.AddDays(-2)),
            new QuarantinedRow(mailRun.Id, _mail, "events.jsonl:1", "{old mail row", "malformed", _now.AddDays(-400)));
        await db.SaveChangesAsync();
        await ProfileTraitFold.RunAsync(db, _now, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Retention_run_purges_only_the_connectors_old_rows_rebuilds_traits_and_records_the_run_for_admins()
    {
        Assert.Equal(6, await TouchpointCountAsync("ada"));

        await using (var verb = ProfileHubProcess.Start(_directory, Environment(new() { ["ProfileHub__Retention__BatchSize"] = "2" }), "retention", "run"))
        {
            Assert.True(await verb.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, verb.Stderr);
            Assert.Contains("connector=web days=30", verb.Stdout, StringComparison.Ordinal);
            Assert.Contains("touchpoints=6 inbound_payloads=1 quarantined_rows=1 profiles_recomputed=2", verb.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("connector=mail", verb.Stdout, StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(2, await db.Touchpoints.CountAsync(t => t.ConnectorId == _web));
            Assert.False(await db.Touchpoints.AnyAsync(t => t.ConnectorId == _web && t.OccurredAt < _now.AddDays(-30)));
            Assert.Equal(1, await db.Touchpoints.CountAsync(t => t.ConnectorId == _mail));
            Assert.Equal(["mail-old-processed", "old-unprocessed", "young-processed"], await db.InboundPayloads.Select(p => p.Body).OrderBy(b => b).ToListAsync());
            Assert.Equal(["{old mail row", "{young web row"], await db.QuarantinedRows.Select(q => q.RawPayload).OrderBy(b => b).ToListAsync());
            var run = await db.RetentionRuns.SingleAsync();
            Assert.Equal((_web, 30, 6L, 1L, 1L, 2), (run.ConnectorId, run.RetentionDays, run.Touchpoints, run.InboundPayloads, run.QuarantinedRows, run.ProfilesRecomputed));
        }

        // ada kept her two young visits and the mail connector's open; bo has no touchpoint left.
        Assert.Equal(3, await TouchpointCountAsync("ada"));
        Assert.Null(await TouchpointCountAsync("bo"));

        await using var server = await ApiServer.StartAsync(database);
        const string Runs = """{ retentionRuns(connector: "web") { connector retentionDays touchpoints inboundPayloads quarantinedRows profilesRecomputed } }""";
        var runs = (await server.PostAsync(Runs)).Ok().Data.GetProperty("retentionRuns");
        Assert.Equal(1, runs.GetArrayLength());
        Assert.Equal(("web", 30, 6d, 2), (runs[0].GetProperty("connector").GetString(), runs[0].GetProperty("retentionDays").GetInt32(),
            runs[0].GetProperty("touchpoints").GetDouble(), runs[0].GetProperty("profilesRecomputed").GetInt32()));
        Assert.Equal(0, (await server.PostAsync("""{ retentionRuns(connector: "mail") { connector } }""")).Ok().Data.GetProperty("retentionRuns").GetArrayLength());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await server.PostAsync(Runs, role: ApiRole.Steward)).ErrorCodes);
    }

    [Fact]
    public async Task The_retention_job_fires_on_the_schedule_configured_for_it()
    {
        var settings = new Dictionary<string, string?>(SchedulingHost.WebConnector("web", Path.Combine(_directory, "events.jsonl"), cron: null))
        {
            ["ProfileHub:Connectors:web:RetentionDays"] = "30",
            ["ProfileHub:Retention:Schedule"] = "* * * * * ?",
        };
        using var host = SchedulingHost.Build(database, settings);
        await host.StartAsync();
        try
        {
            using var cancel = new CancellationTokenSource(Patience);
            while (!await RunRecordedAsync())
            {
                await Task.Delay(200, cancel.Token);
            }
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.Equal("* * * * * ?", (await SchedulingHost.StoredTriggersAsync(database, RetentionJob.Group))["retention"].Cron);
        Assert.Equal(3, await TouchpointCountAsync("ada"));
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Touchpoints.CountAsync(t => t.ConnectorId == _web));
    }

    private async Task<bool> RunRecordedAsync()
    {
        await using var db = database.CreateContext();
        return await db.RetentionRuns.AnyAsync();
    }

    private Dictionary<string, string> Environment(Dictionary<string, string> extra)
    {
        var environment = new Dictionary<string, string>(extra)
        {
            ["ProfileHub__Database__Provider"] = database.ProviderName,
            ["ProfileHub__Database__ConnectionString"] = database.ConnectionString,
            ["ProfileHub__Connectors__web__Kind"] = "Web",
            ["ProfileHub__Connectors__web__Format"] = "segment-jsonl",
            ["ProfileHub__Connectors__web__RetentionDays"] = "30",
            ["ProfileHub__Connectors__web__Settings__path"] = Path.Combine(_directory, "events.jsonl"),
            ["ProfileHub__Connectors__mail__Kind"] = "Email",
        };
        return environment;
    }

    private async Task<int?> TouchpointCountAsync(string person)
    {
        await using var db = database.CreateContext();
        return await db.ProfileTraits.Where(t => t.ProfileId == _profiles[person]).Select(t => (int?)t.TouchpointCount).SingleOrDefaultAsync();
    }

    private async Task<long> PersonAsync(ProfileHubDbContext db, string name)
    {
        var record = new SourceRecord(_web, name, _now.AddYears(-2), _now.AddYears(-2)) { FirstName = name };
        db.SourceRecords.Add(record);
        var profile = new GoldenProfile(Guid.CreateVersion7(_now.AddYears(-2).AddMinutes(_profiles.Count)), _now.AddYears(-2));
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        db.Memberships.Add(new ProfileMembership(record.Id, profile.Id, null, null, LinkOrigin.Seed, _now.AddYears(-2)));
        await db.SaveChangesAsync();
        _profiles[name] = profile.Id;
        return record.Id;
    }

    private void Touch(ProfileHubDbContext db, int connector, long? record, string type, int daysAgo, int count)
    {
        var channel = connector == _mail ? TouchpointChannel.Email : TouchpointChannel.Web;
        for (var i = 0; i < count; i++)
        {
            db.Touchpoints.Add(new Touchpoint(connector, $"evt-{_event++}", channel, type, _now.AddDays(-daysAgo).AddMinutes(i), TouchpointRules.Default.Classify(channel, type), _now)
            {
                SourceRecordId = record,
                SourceKey = record is null ? "anonymous-1" : null,
            });
        }
    }

    private InboundPayload Payload(int connector, string body, int daysAgo, bool processed)
    {
        var payload = new InboundPayload(connector, body, _now.AddDays(-daysAgo));
        if (processed)
        {
            payload.MarkProcessed(_now.AddDays(-daysAgo));
        }

        return payload;
    }
}

public sealed class SqliteRetentionTests(SqliteTestDatabase database) : RetentionTests<SqliteTestDatabase>(database);

public sealed class PostgresRetentionTests(PostgresTestDatabase database) : RetentionTests<PostgresTestDatabase>(database);

public sealed class SqlServerRetentionTests(SqlServerTestDatabase database) : RetentionTests<SqlServerTestDatabase>(database);
