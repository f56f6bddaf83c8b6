using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Support;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.SupportChannel;

/// <summary>The Zendesk incremental export connector against a Zendesk-shaped server on loopback, on each database.</summary>
public abstract class ZendeskSourceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string UsersPage1 = """
        {"users":[
          {"id":101,"name":"Ana Souza","email":"Ana.Souza@Example.com","phone":"+55 11 91234-5678","external_id":"crm-1","role":"end-user","updated_at":"2026-03-01T10:00:00Z"},
          {"id":102,"name":"Bob Stone","email":"bob@example.org","phone":null,"external_id":null,"role":"end-user","updated_at":"2026-03-01T11:00:00Z"}
        ],"after_cursor":"u1","after_url":"https://x.zendesk.com/api/v2/incremental/users/cursor.json?cursor=u1","end_of_stream":false}
        """;

    private const string UsersPage2 = """
        {"users":[
          {"id":103,"name":"Cy Agent","email":"cy@acme.test","role":"agent","updated_at":"2026-03-02T09:00:00Z"},
          {"id":104,"name":"Dee Park","email":"dee@example.net","role":"end-user","updated_at":"2026-03-02T10:00:00Z"}
        ],"after_cursor":"u2","end_of_stream":true}
        """;

    private const string TicketsPage = """
        {"tickets":[
          {"id":9001,"requester_id":101,"status":"solved","subject":"Refund","via":{"channel":"email"},"created_at":"2026-03-01T12:00:00Z","updated_at":"2026-03-03T08:00:00Z","satisfaction_rating":{"id":77,"score":"good"}},
          {"id":9002,"requester_id":102,"status":"open","via":{"channel":"web"},"created_at":"2026-03-02T12:00:00Z","updated_at":"2026-03-02T12:00:00Z","satisfaction_rating":{"score":"unoffered"}}
        ],"after_cursor":"t1","end_of_stream":true}
        """;

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Users_and_tickets_load_page_by_page_with_cursors_and_token_auth()
    {
        await using var server = await FakeVendorServer.StartAsync(Zendesk());
        await AddConnectorAsync(server);

        var summary = await database.RunAsync("zendesk", new ZendeskSource(Mapping.Shared), httpRetries: 0);

        Assert.Equal(6, summary.RowsRead);
        await using var db = database.CreateContext();
        var records = await db.SourceRecords.Include(r => r.Identifiers).OrderBy(r => r.SourceKey).ToListAsync();
        Assert.Equal(["101", "102", "104"], records.Select(r => r.SourceKey));
        Assert.Equal(
            ["Email:ana.souza@example.com", "ExternalId:crm-1", "Phone:+5511912345678"],
            records[0].Identifiers.Select(i => $"{i.Kind}:{i.NormalizedValue}").Order(StringComparer.Ordinal));
        var touchpoints = await db.Touchpoints.OrderBy(t => t.SourceEventId).Select(t => new { t.SourceEventId, t.Type, t.SourceKey, t.Metrics }).ToListAsync();
        Assert.Equal(
            ["9001:1772524800 ticket_solved 101", "9001:opened ticket_opened 101", "9001:rating:77:1 satisfaction_rated 101", "9002:opened ticket_opened 102"],
            touchpoints.Select(t => $"{t.SourceEventId} {t.Type} {t.SourceKey}"));
        Assert.Contains("\"satisfaction_score\"", touchpoints[2].Metrics, StringComparison.Ordinal);

        var requests = server.Requests;
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("agent@acme.test/token:s3cret")), requests[0].Authorization);
        Assert.Equal(("0", null), (requests[0]["start_time"], requests[0]["cursor"]));
        Assert.Equal("u1", requests[1]["cursor"]);
        Assert.Equal("/api/v2/incremental/tickets/cursor.json", requests[2].Path);
        Assert.Equal(new ZendeskWatermark("u2", "t1"), await WatermarkAsync());
    }

    [Fact]
    public async Task A_second_run_continues_from_the_stored_cursors_and_adds_nothing_new()
    {
        await using var server = await FakeVendorServer.StartAsync(Zendesk());
        await AddConnectorAsync(server);
        await database.RunAsync("zendesk", new ZendeskSource(Mapping.Shared), httpRetries: 0);
        var before = await database.CountRowsAsync();

        var second = await database.RunAsync("zendesk", new ZendeskSource(Mapping.Shared), httpRetries: 0);

        Assert.Equal(before, await database.CountRowsAsync());
        Assert.Equal(0, second.Accepted);
        var rerun = server.Requests.Skip(3).ToList();
        Assert.Equal(["u2", "t1"], rerun.Select(r => r["cursor"]));
        Assert.All(rerun, r => Assert.Null(r["start_time"]));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_the_server_asked_for()
    {
        var limited = 0;
        await using var server = await FakeVendorServer.StartAsync(request =>
            request.Path.Contains("users", StringComparison.Ordinal) && Interlocked.Increment(ref limited) == 1
                ? new FakeResponse(429, """{"error":"APIRateLimitExceeded"}""", RetryAfterSeconds: 1)
                : Zendesk()(request));
        await AddConnectorAsync(server);

        await database.RunAsync("zendesk", new ZendeskSource(Mapping.Shared), httpRetries: 2);

        var requests = server.Requests;
        Assert.Equal(requests[0].Query, requests[1].Query);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
        Assert.Equal(3, (await database.CountRowsAsync()).Records);
    }

    [Fact]
    public async Task An_endpoint_answering_500_after_the_retries_fails_the_run_with_a_clear_error_and_keeps_the_watermark()
    {
        await using var server = await FakeVendorServer.StartAsync(_ => new FakeResponse(500, "upstream exploded"));
        await AddConnectorAsync(server);

        var error = await Assert.ThrowsAsync<VendorApiException>(() => database.RunAsync("zendesk", new ZendeskSource(Mapping.Shared), httpRetries: 1));

        Assert.Contains("/api/v2/incremental/users/cursor.json answered 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        Assert.Null(await database.StateAsync("zendesk"));
        await using var db = database.CreateContext();
        Assert.Equal(RunStatus.Failed, (await db.ConnectorRuns.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_run_killed_after_the_first_page_resumes_at_the_next_cursor_with_no_gap_or_duplicate()
    {
        var dead = true;
        await using var server = await FakeVendorServer.StartAsync(request =>
            dead && request["cursor"] == "u1" ? new FakeResponse(503, "maintenance") : Zendesk()(request));
        await AddConnectorAsync(server);
        await Assert.ThrowsAsync<VendorApiException>(() => database.RunAsync("zendesk", new ZendeskSource(Mapping.Shared), httpRetries: 0));
        Assert.Equal(new ZendeskWatermark("u1", null), await WatermarkAsync());
        Assert.Equal(2, (await database.CountRowsAsync()).Records);

        dead = false;
        await database.RunAsync("zendesk", new ZendeskSource(Mapping.Shared), httpRetries: 0);

        Assert.Equal("u1", server.Requests[2]["cursor"]);
        Assert.Equal((3, 4, 0), await database.CountRowsAsync());
    }

    [Fact]
    public async Task An_HTML_page_and_a_ticket_without_requester_are_quarantined_and_the_rest_loads()
    {
        await using var server = await FakeVendorServer.StartAsync(request => request.Path.Contains("tickets", StringComparison.Ordinal)
            ? FakeResponse.Html("<html><body>Zendesk is down for maintenance</body></html>")
            : Zendesk()(request));
        await AddConnectorAsync(server);

        await database.RunAsync("zendesk", new ZendeskSource(Mapping.Shared), httpRetries: 0);

        var quarantined = Assert.Single(await database.QuarantineAsync());
        Assert.StartsWith("zendesk tickets page 1 (", quarantined.Position, StringComparison.Ordinal);
        Assert.Contains("HTML", quarantined.Reason, StringComparison.Ordinal);
        Assert.Equal((3, 0), ((await database.CountRowsAsync()).Records, (await database.CountRowsAsync()).Touchpoints));
        Assert.Equal(new ZendeskWatermark("u2", null), await WatermarkAsync());
    }

    [Fact]
    public async Task A_ticket_of_the_wrong_shape_is_quarantined_with_its_page_and_item()
    {
        await using var server = await FakeVendorServer.StartAsync(request => request.Path.Contains("tickets", StringComparison.Ordinal)
            ? FakeResponse.Json("""{"tickets":[{"id":1,"requester_id":101,"status":"new","created_at":"2026-03-01T00:00:00Z","updated_at":"2026-03-01T00:00:00Z"},{"id":2,"status":"new","created_at":"2026-03-01T00:00:00Z","updated_at":"2026-03-01T00:00:00Z"},{"id":"three","requester_id":[1]}],"after_cursor":"t9","end_of_stream":true}""")
            : Zendesk()(request));
        await AddConnectorAsync(server);

        await database.RunAsync("zendesk", new ZendeskSource(Mapping.Shared), httpRetries: 0);

        var quarantined = await database.QuarantineAsync();
        Assert.Equal(["zendesk tickets page 1, item 2", "zendesk tickets page 1, item 3"], quarantined.Select(q => q.Position));
        Assert.Equal("missing requester_id", quarantined[0].Reason);
        Assert.StartsWith("wrong type", quarantined[1].Reason, StringComparison.Ordinal);
        Assert.Equal(1, (await database.CountRowsAsync()).Touchpoints);
    }

    [Fact]
    public async Task A_cursor_that_leads_back_to_a_page_already_read_is_quarantined_as_a_pagination_loop()
    {
        await using var server = await FakeVendorServer.StartAsync(request => request.Path.Contains("users", StringComparison.Ordinal) && request["cursor"] == "u1"
            ? FakeResponse.Json("""{"users":[],"after_cursor":"u1","end_of_stream":false}""")
            : Zendesk()(request));
        await AddConnectorAsync(server);

        await database.RunAsync("zendesk", new ZendeskSource(Mapping.Shared), httpRetries: 0);

        var loop = Assert.Single(await database.QuarantineAsync());
        Assert.Contains("pagination loop", loop.Reason, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count(r => r.Path.Contains("users", StringComparison.Ordinal)));
        Assert.Equal(4, (await database.CountRowsAsync()).Touchpoints);
    }

    private static Func<FakeRequest, FakeResponse> Zendesk() => request => request.Path switch
    {
        "/api/v2/incremental/users/cursor.json" when request["cursor"] is null => FakeResponse.Json(UsersPage1),
        "/api/v2/incremental/users/cursor.json" when request["cursor"] == "u1" => FakeResponse.Json(UsersPage2),
        "/api/v2/incremental/users/cursor.json" => FakeResponse.Json("""{"users":[],"after_cursor":"u2","end_of_stream":true}"""),
        "/api/v2/incremental/tickets/cursor.json" when request["cursor"] is null => FakeResponse.Json(TicketsPage),
        "/api/v2/incremental/tickets/cursor.json" => FakeResponse.Json("""{"tickets":[],"after_cursor":"t1","end_of_stream":true}"""),
        _ => new FakeResponse(404, """{"error":"InvalidEndpoint"}"""),
    };

    private async Task<ZendeskWatermark?> WatermarkAsync() =>
        JsonSerializer.Deserialize<ZendeskWatermark>(await database.StateAsync("zendesk") ?? "null");

    private Task<int> AddConnectorAsync(FakeVendorServer server) => database.AddConnectorAsync(
        "zendesk", ConnectorKind.Support, ZendeskSource.FormatName,
        $$"""{"baseUrl":"{{server.BaseAddress}}","email":"agent@acme.test","token":"s3cret","defaultRegion":"BR"}""");
}

public sealed class ZendeskSourceSqliteTests(SqliteTestDatabase database) : ZendeskSourceTests<SqliteTestDatabase>(database);

public sealed class ZendeskSourcePostgresTests(PostgresTestDatabase database) : ZendeskSourceTests<PostgresTestDatabase>(database);
