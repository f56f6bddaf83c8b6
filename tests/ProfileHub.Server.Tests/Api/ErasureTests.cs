using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Api;

/// <summary>
/// Right to erasure end to end, on each database: a person imported by `profilehub import`, matched, erased
/// through the API, then sent again by the source: held back, not stored.
/// </summary>
public abstract class ErasureTests<TDatabase>(ApiFixture<TDatabase> fixture) : IClassFixture<ApiFixture<TDatabase>>, IDisposable
    where TDatabase : TestDatabase, new()
{
    private readonly string _directory = Directory.CreateTempSubdirectory("profilehub-erasure-").FullName;

    private string Events => Path.Combine(_directory, "events.jsonl");

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task An_erased_person_is_gone_from_the_api_and_held_back_when_the_source_sends_them_again()
    {
        await File.WriteAllLinesAsync(Events, [
            """{"type":"identify","messageId":"e-1","userId":"erase-me","timestamp":"2026-10-01T10:00:00Z","traits":{"email":"Erase.Me@example.com","firstName":"Erin","lastName":"Rasmussen"}}""",
            """{"type":"track","messageId":"e-2","userId":"erase-me","event":"Order Completed","timestamp":"2026-10-01T10:05:00Z","properties":{"revenue":10}}""",
        ]);
        Assert.Contains("new=2", await ImportAsync(), StringComparison.Ordinal);
        await new MatchData(fixture.Database, new FixedClock(ApiScenario.Start.AddDays(20))).Runner().RunAsync(rebuild: false, CancellationToken.None);
        var found = (await fixture.Server.PostAsync("""{ profileByIdentifier(kind: EMAIL, value: "erase.me@example.com") { id version givenName journey { touchpointCount } } }""")).Ok()
            .Data.GetProperty("profileByIdentifier");
        Assert.Equal("Erin", found.GetProperty("givenName").GetString());
        Assert.Equal(1, found.GetProperty("journey").GetProperty("touchpointCount").GetInt32());
        var id = found.GetProperty("id").GetString();

        const string Erase = """mutation($p: ProfileVersionInput!) { eraseProfile(profile: $p) { profileId records touchpoints tombstones } }""";
        var erased = (await fixture.Server.PostAsync(Erase, new { p = new { id, version = found.GetProperty("version").GetInt32() } }, ApiRole.Steward))
            .Ok().Data.GetProperty("eraseProfile");
        Assert.Equal((1, 1), (erased.GetProperty("records").GetInt32(), erased.GetProperty("touchpoints").GetInt32()));
        Assert.True(erased.GetProperty("tombstones").GetInt32() >= 2, "the source key and the email");

        var after = (await fixture.Server.PostAsync($$"""{ profile(id: "{{id}}") { status givenName email history { action before after } } byEmail: profileByIdentifier(kind: EMAIL, value: "erase.me@example.com") { id } }""")).Ok().Data;
        Assert.Equal("ERASED", after.GetProperty("profile").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("profile").GetProperty("givenName").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("byEmail").ValueKind);
        Assert.DoesNotContain("Erin", after.GetProperty("profile").GetProperty("history").ToString(), StringComparison.Ordinal);

        var again = await fixture.Server.PostAsync(Erase, new { p = new { id, version = 99 } }, ApiRole.Steward);
        Assert.Equal(["ALREADY_ERASED"], again.ErrorCodes);

        // The source sends the person again (a new event and an updated identify): nothing of them is stored.
        await File.AppendAllLinesAsync(Events, [
            """{"type":"identify","messageId":"e-3","userId":"erase-me","timestamp":"2026-10-02T10:00:00Z","traits":{"email":"erase.me@example.com","firstName":"Erin"}}""",
            """{"type":"track","messageId":"e-4","userId":"erase-me","event":"Page Viewed","timestamp":"2026-10-02T10:01:00Z"}""",
        ]);
        var output = await ImportAsync();
        Assert.Contains("new=0", output, StringComparison.Ordinal);
        Assert.Contains("held_back=2", output, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateContext();
        Assert.False(await db.SourceRecords.AnyAsync(r => r.SourceKey == "erase-me"));
        Assert.False(await db.Touchpoints.AnyAsync(t => t.SourceKey == "erase-me"));
    }

    [Fact]
    public async Task After_an_erasure_no_column_of_any_table_holds_the_persons_email_phone_name_or_street()
    {
        // Two records of one person (a link with its explanation), an order, and a line too broken to read (quarantined).
        await File.WriteAllLinesAsync(Events, [
            """{"type":"identify","messageId":"z-1","userId":"zq-1","timestamp":"2026-10-01T10:00:00Z","traits":{"email":"Zorbalina.Quixwell@example.com","phone":"+44 7700 900987","firstName":"Zorbalina","lastName":"Quixwell","address":{"street":"12 Gorseway Lane","city":"Leeds","country":"GB"}}}""",
            """{"type":"identify","messageId":"z-2","userId":"zq-2","timestamp":"2026-10-01T11:00:00Z","traits":{"email":"zorbalina.quixwell@example.com","firstName":"Zorbalina","lastName":"Quixwel"}}""",
            """{"type":"identify","messageId":"z-3","userId":"zq-3","timestamp":"2026-10-01T12:00:00Z","traits":{"email":"zorbalina.quixwell@example.com" "firstName":"Zorbalina"}}""",
            """{"type":"track","messageId":"z-4","userId":"zq-1","event":"Order Completed","timestamp":"2026-10-01T12:05:00Z","properties":{"revenue":10}}""",
        ]);
        await ImportAsync("people");
        await new MatchData(fixture.Database, new FixedClock(ApiScenario.Start.AddDays(20))).Runner().RunAsync(rebuild: false, CancellationToken.None);
        await using (var db = fixture.Database.CreateContext())
        {
            Assert.True(await db.QuarantinedRows.AnyAsync(q => q.RawPayload.Contains("z-3")), "the broken line is quarantined");

            // A stored SendGrid post batching the person's event with someone else's.
            var people = await db.Connectors.Where(c => c.Name == "people").Select(c => c.Id).SingleAsync();
            db.InboundPayloads.Add(new Core.Sources.InboundPayload(people, """[{"email":"zorbalina.quixwell@example.com","event":"open","sg_event_id":"s-1"},{"email":"keep.me@example.com","event":"open","sg_event_id":"s-2"}]""", ApiScenario.Start));
            await db.SaveChangesAsync();
        }

        var found = (await fixture.Server.PostAsync("""{ profileByIdentifier(kind: EMAIL, value: "zorbalina.quixwell@example.com") { id version sourceRecords { sourceKey } } }""")).Ok()
            .Data.GetProperty("profileByIdentifier");
        Assert.Equal(2, found.GetProperty("sourceRecords").GetArrayLength());
        var id = found.GetProperty("id").GetString();
        var pinned = (await fixture.Server.PostAsync("""mutation($p: ProfileVersionInput!) { pinAttribute(profile: $p, attribute: "LastName", value: "Quixwell") { version } }""",
            new { p = new { id, version = found.GetProperty("version").GetInt32() } }, ApiRole.Steward)).Ok().Data.GetProperty("pinAttribute");
        (await fixture.Server.PostAsync("""mutation { createSegment(name: "erasure-everyone", rule: "touchpoints >= 0") { name } }""")).Ok();
        (await fixture.Server.PostAsync("""mutation { refreshSegment(name: "erasure-everyone") { members } }""")).Ok();
        string[] personal = ["zorbalina", "quixwel", "7700900987", "7700 900987", "gorseway"];
        Assert.NotEmpty(await PersonalDataScan.FindAsync(fixture.Database, personal));

        (await fixture.Server.PostAsync("""mutation($p: ProfileVersionInput!) { eraseProfile(profile: $p) { profileId } }""",
            new { p = new { id, version = pinned.GetProperty("version").GetInt32() } }, ApiRole.Steward)).Ok();

        Assert.Empty(await PersonalDataScan.FindAsync(fixture.Database, personal));
        await using (var db = fixture.Database.CreateContext())
        {
            var profile = Guid.Parse(id!);
            Assert.False(await db.SegmentMemberships.AnyAsync(m => m.ProfileId == profile));
            Assert.False(await db.ProfileTraits.AnyAsync(t => t.ProfileId == profile));

            // The other person's event in the same post is kept.
            Assert.True(await db.InboundPayloads.AnyAsync(p => p.Body.Contains("keep.me@example.com")));
        }
    }

    [Fact]
    public async Task An_erased_person_sent_again_through_the_tracking_api_stays_held_back()
    {
        // A person known from the Segment tracking API (over HTTP), matched, then erased; then the source sends
        // them again: their userId (identify and track), and their address under a userId never seen before.
        const string WriteKey = "wk-erasure-5d2e";
        var tracking = new Dictionary<string, string>
        {
            ["ProfileHub__Database__Provider"] = fixture.Database.ProviderName,
            ["ProfileHub__Database__ConnectionString"] = fixture.Database.ConnectionString,
            ["ProfileHub__Scheduling__Enabled"] = "false",
            ["ProfileHub__Connectors__track__Kind"] = "Web",
            ["ProfileHub__Connectors__track__Format"] = "segment-http",
            ["ProfileHub__Connectors__track__Settings__writeKey"] = WriteKey,
        };
        await using var server = ProfileHubProcess.Start(_directory, tracking, "serve", "--urls", "http://127.0.0.1:0");
        await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(WriteKey + ":")));
        await SendAsync(http, ("/v1/identify", """{"userId":"track-me","messageId":"t-1","traits":{"email":"Tracy.Trackwell@example.com","firstName":"Tracy","lastName":"Trackwell"}}"""));
        Assert.Contains(" new=1 ", await ImportTrackingAsync(tracking), StringComparison.Ordinal);
        await new MatchData(fixture.Database, new FixedClock(ApiScenario.Start.AddDays(20))).Runner().RunAsync(rebuild: false, CancellationToken.None);
        var found = (await fixture.Server.PostAsync("""{ profileByIdentifier(kind: EMAIL, value: "tracy.trackwell@example.com") { id version } }""")).Ok().Data.GetProperty("profileByIdentifier");
        (await fixture.Server.PostAsync("""mutation($p: ProfileVersionInput!) { eraseProfile(profile: $p) { profileId } }""",
            new { p = new { id = found.GetProperty("id").GetString(), version = found.GetProperty("version").GetInt32() } }, ApiRole.Steward)).Ok();

        await SendAsync(
            http,
            ("/v1/identify", """{"userId":"track-me","messageId":"t-2","traits":{"email":"tracy.trackwell@example.com","firstName":"Tracy"}}"""),
            ("/v1/track", """{"userId":"track-me","messageId":"t-3","event":"Order Completed","properties":{"revenue":12}}"""),
            ("/v1/identify", """{"userId":"brand-new-id","messageId":"t-4","traits":{"email":"TRACY.TRACKWELL@example.com","lastName":"Trackwell"}}"""));
        var summary = await ImportTrackingAsync(tracking);
        Assert.Contains(" new=0 ", summary, StringComparison.Ordinal);
        Assert.Contains(" held_back=3 ", summary, StringComparison.Ordinal);

        await new MatchData(fixture.Database, new FixedClock(ApiScenario.Start.AddDays(21))).Runner().RunAsync(rebuild: false, CancellationToken.None);
        var after = (await fixture.Server.PostAsync("""{ profileByIdentifier(kind: EMAIL, value: "tracy.trackwell@example.com") { id } }""")).Ok().Data;
        Assert.Equal(JsonValueKind.Null, after.GetProperty("profileByIdentifier").ValueKind);
        await using var db = fixture.Database.CreateContext();
        Assert.False(await db.SourceRecords.AnyAsync(r => r.SourceKey == "track-me" || r.SourceKey == "brand-new-id"));
        Assert.False(await db.Touchpoints.AnyAsync(t => t.SourceKey == "track-me"));
        Assert.False(await db.RecordIdentifiers.AnyAsync(i => i.NormalizedValue == "tracy.trackwell@example.com"));
    }

    private static async Task SendAsync(HttpClient http, params (string Path, string Body)[] calls)
    {
        foreach (var (path, body) in calls)
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>`profilehub import --connector track`: processes the stored tracking calls; returns its summary line.</summary>
    private async Task<string> ImportTrackingAsync(Dictionary<string, string> tracking)
    {
        await using var import = ProfileHubProcess.Start(_directory, tracking, "import", "--connector", "track");
        Assert.True(await import.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, import.Stderr);
        return import.Stdout.Split('\n').Single(line => line.StartsWith("imported:", StringComparison.Ordinal)) + " ";
    }

    private async Task<string> ImportAsync(string connector = "web")
    {
        await using var import = ProfileHubProcess.Start(
            _directory,
            new Dictionary<string, string>
            {
                ["ProfileHub__Database__Provider"] = fixture.Database.ProviderName,
                ["ProfileHub__Database__ConnectionString"] = fixture.Database.ConnectionString,
                [$"ProfileHub__Connectors__{connector}__Kind"] = "Web",
                [$"ProfileHub__Connectors__{connector}__Format"] = "segment-jsonl",
                [$"ProfileHub__Connectors__{connector}__Settings__path"] = Events,
            },
            "import",
            "--connector",
            connector);
        Assert.Equal(0, await import.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        return import.Stdout;
    }
}

public sealed class SqliteErasureTests(ApiFixture<SqliteTestDatabase> fixture) : ErasureTests<SqliteTestDatabase>(fixture);

public sealed class PostgresErasureTests(ApiFixture<PostgresTestDatabase> fixture) : ErasureTests<PostgresTestDatabase>(fixture);

public sealed class SqlServerErasureTests(ApiFixture<SqlServerTestDatabase> fixture) : ErasureTests<SqlServerTestDatabase>(fixture);
