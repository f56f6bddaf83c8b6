using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Social;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Social;

/// <summary>The Graph API comments connector against a Graph-shaped server on loopback, on each database.</summary>
public abstract class FacebookCommentsSourceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Comments_and_replies_load_across_pages_following_paging_next()
    {
        await using var server = await FakeVendorServer.StartAsync(request => Graph(request, loop: false));
        await AddConnectorAsync(server);

        var summary = await database.RunAsync("facebook", new FacebookCommentsSource(Mapping.Shared), httpRetries: 0);

        Assert.Equal(3, summary.RowsRead);
        await using var db = database.CreateContext();
        var touchpoints = await db.Touchpoints.OrderBy(t => t.SourceEventId).Select(t => $"{t.SourceEventId} {t.Type} {t.SourceKey}").ToListAsync();
        Assert.Equal(["111_1 comment facebook:psid-1", "111_2 reply facebook:psid-2", "111_3 comment "], touchpoints);
        var authors = await db.SourceRecords.Include(r => r.Identifiers).OrderBy(r => r.SourceKey).ToListAsync();
        Assert.Equal(["facebook:psid-1", "facebook:psid-2"], authors.Select(r => r.SourceKey));
        Assert.Equal(("Ana S.", IdentifierKind.SocialHandle), (authors[0].FullName, Assert.Single(authors[0].Identifiers).Kind));
        Assert.Equal(["chronological", "chronological"], server.Requests.Select(r => r["order"]));
        Assert.Null(server.Requests[0]["since"]);
        Assert.Equal("A1", server.Requests[1]["after"]);
        Assert.Equal(1772791200, JsonSerializer.Deserialize<Dictionary<string, long>>((await database.StateAsync("facebook"))!)!["111"]);
    }

    [Fact]
    public async Task The_next_run_asks_since_the_newest_comment_and_a_resent_comment_is_a_duplicate()
    {
        await using var server = await FakeVendorServer.StartAsync(request => Graph(request, loop: false));
        await AddConnectorAsync(server);
        await database.RunAsync("facebook", new FacebookCommentsSource(Mapping.Shared), httpRetries: 0);

        var second = await database.RunAsync("facebook", new FacebookCommentsSource(Mapping.Shared), httpRetries: 0);

        Assert.Equal("1772791200", server.Requests[2]["since"]);
        Assert.Equal(0, second.TouchpointsInserted);
        Assert.Equal(1, second.Duplicates);
        Assert.Equal(3, (await database.CountRowsAsync()).Touchpoints);
    }

    [Fact]
    public async Task A_run_killed_on_the_second_page_resumes_since_the_newest_comment_committed()
    {
        var dead = true;
        await using var server = await FakeVendorServer.StartAsync(request =>
            dead && request["after"] == "A1" ? new FakeResponse(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}") : Graph(request, loop: false));
        await AddConnectorAsync(server);
        await Assert.ThrowsAsync<VendorApiException>(() => database.RunAsync("facebook", new FacebookCommentsSource(Mapping.Shared), httpRetries: 0));
        Assert.Equal(2, (await database.CountRowsAsync()).Touchpoints);

        dead = false;
        await database.RunAsync("facebook", new FacebookCommentsSource(Mapping.Shared), httpRetries: 0);

        Assert.Equal("1772708400", server.Requests[2]["since"]);
        Assert.Equal(3, (await database.CountRowsAsync()).Touchpoints);
    }

    [Fact]
    public async Task A_next_link_back_to_a_page_already_read_is_quarantined_as_a_pagination_loop()
    {
        await using var server = await FakeVendorServer.StartAsync(request => Graph(request, loop: true));
        await AddConnectorAsync(server);

        await database.RunAsync("facebook", new FacebookCommentsSource(Mapping.Shared), httpRetries: 0);

        var loop = Assert.Single(await database.QuarantineAsync());
        Assert.Contains("pagination loop", loop.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("token-xyz", loop.Position, StringComparison.Ordinal);
        Assert.Equal(3, (await database.CountRowsAsync()).Touchpoints);
    }

    [Fact]
    public async Task A_Graph_error_fails_the_run_without_leaking_the_access_token()
    {
        await using var server = await FakeVendorServer.StartAsync(_ => new FakeResponse(400, """{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}}"""));
        await AddConnectorAsync(server);

        var error = await Assert.ThrowsAsync<VendorApiException>(() => database.RunAsync("facebook", new FacebookCommentsSource(Mapping.Shared), httpRetries: 0));

        Assert.Contains("answered 400", error.Message, StringComparison.Ordinal);
        Assert.Contains("OAuthException", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token-xyz", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(613)]
    [InlineData(80001)]
    public async Task A_throttled_call_is_retried_and_the_run_completes(int code)
    {
        var calls = 0;
        await using var server = await FakeVendorServer.StartAsync(request => Interlocked.Increment(ref calls) == 1
            ? new FakeResponse(400, $$$"""{"error":{"message":"User request limit reached","type":"OAuthException","code":{{{code}}}}}""")
            : Graph(request, loop: false));
        await AddConnectorAsync(server);

        var summary = await database.RunAsync("facebook", new FacebookCommentsSource(Mapping.Shared), httpRetries: 2);

        Assert.True(calls >= 3, $"the throttled call was retried ({calls} calls)");
        Assert.Equal(3, summary.RowsRead);
    }

    // With loop set, the second page's next link leads back to the second page itself.
    private static FakeResponse Graph(FakeRequest request, bool loop)
    {
        if (request.Path != "/v19.0/111/comments" || request["access_token"] != "token-xyz")
        {
            return new FakeResponse(400, """{"error":{"message":"Unsupported get request.","type":"GraphMethodException","code":100}}""");
        }

        if (request["since"] is not null)
        {
            return FakeResponse.Json("""{"data":[{"id":"111_3","message":"late","created_time":"2026-03-06T10:00:00+0000","like_count":0}],"paging":{"cursors":{"before":"B9","after":"A9"}}}""");
        }

        if (request["after"] is null)
        {
            var next = SecondPage(request);
            return FakeResponse.Json($$$"""
                {"data":[
                  {"id":"111_1","message":"Love it","created_time":"2026-03-05T10:00:00+0000","from":{"id":"psid-1","name":"Ana S."},"like_count":3},
                  {"id":"111_2","message":"Me too","created_time":"2026-03-05T11:00:00+0000","from":{"id":"psid-2","name":"Bo"},"parent":{"id":"111_1"},"like_count":0}
                ],"paging":{"cursors":{"before":"B0","after":"A1"},"next":"{{{next}}}"}}
                """);
        }

        var paging = loop ? $$$"""{"cursors":{"before":"B1","after":"A1"},"next":"{{{SecondPage(request)}}}"}""" : """{"cursors":{"before":"B1","after":"A2"}}""";
        return FakeResponse.Json($$"""{"data":[{"id":"111_3","message":"no from: the page may not see this user","created_time":"2026-03-06T10:00:00+0000"}],"paging":{{paging}}}""");
    }

    private static string SecondPage(FakeRequest request) =>
        $"http://{request.Host}/v19.0/111/comments?access_token=token-xyz&order=chronological&limit=2&after=A1";

    private Task<int> AddConnectorAsync(FakeVendorServer server) => database.AddConnectorAsync(
        "facebook", ConnectorKind.Social, FacebookCommentsSource.FormatName,
        $$"""{"baseUrl":"{{server.BaseAddress}}v19.0","accessToken":"token-xyz","objectIds":["111"],"limit":2}""");
}

public sealed class FacebookCommentsSourceSqliteTests(SqliteTestDatabase database) : FacebookCommentsSourceTests<SqliteTestDatabase>(database);

public sealed class FacebookCommentsSourcePostgresTests(PostgresTestDatabase database) : FacebookCommentsSourceTests<PostgresTestDatabase>(database);
