using System.Net;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Tests.Support;

namespace ProfileHub.Connectors.Tests.Ingestion;

public sealed class TransientHttpRetryTests
{
    [Fact]
    public async Task A_429_is_retried_after_the_seconds_its_Retry_After_header_asks_for()
    {
        using var server = new ScriptedHttpServer(
            ScriptedHttpServer.Status(429, "slow down", retryAfter: "2"),
            ScriptedHttpServer.Status(200, "{\"ok\":true}"));
        using var http = TransientHttpRetry.CreateClient(TimeProvider.System, maxRetries: 3, baseDelay: TimeSpan.FromMilliseconds(10));

        using var response = await http.GetAsync(server.BaseAddress);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(server.Requests[1] - server.Requests[0] >= TimeSpan.FromSeconds(1.9), $"waited only {server.Requests[1] - server.Requests[0]}");
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_the_last_failure_is_returned_when_retries_run_out()
    {
        using var server = new ScriptedHttpServer(
            ScriptedHttpServer.Status(503), ScriptedHttpServer.Status(500), ScriptedHttpServer.Status(502, "<html>bad gateway</html>"));
        using var http = TransientHttpRetry.CreateClient(TimeProvider.System, maxRetries: 2, baseDelay: TimeSpan.FromMilliseconds(10));

        using var response = await http.GetAsync(server.BaseAddress);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("<html>bad gateway</html>", await response.Content.ReadAsStringAsync());
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_other_than_408_or_429_is_not_retried()
    {
        using var server = new ScriptedHttpServer(ScriptedHttpServer.Status(404), ScriptedHttpServer.Status(200));
        using var http = TransientHttpRetry.CreateClient(TimeProvider.System, maxRetries: 3, baseDelay: TimeSpan.FromMilliseconds(10));

        using var response = await http.GetAsync(server.BaseAddress);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(server.Requests);
    }
}
