using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using ProfileHub.Server.Tests.Support;

namespace ProfileHub.Server.Tests.Web.Inbound;

/// <summary>The Segment-compatible tracking API over real HTTP on loopback, driven by hand and by analytics-node.</summary>
public sealed class SegmentComTrackingApiTests(SegmentComApiServer server) : IClassFixture<SegmentComApiServer>, IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Calls_without_a_write_key_or_with_an_unknown_one_are_refused_with_401()
    {
        var anonymous = await PostAsync("/v1/track", """{"userId":"u","event":"E"}""", authorization: null);
        var wrongKey = await PostAsync("/v1/track", """{"userId":"u","event":"E"}""", Basic("not-the-key"));
        var bearer = await PostAsync("/v1/track", """{"userId":"u","event":"E"}""", new AuthenticationHeaderValue("Bearer", SegmentComApiServer.WriteKey));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bearer.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_call_is_stored_and_malformed_json_is_refused_with_400()
    {
        var ok = await PostAsync("/v1/identify", """{"userId":"hand-1","messageId":"hand-m1","traits":{"email":"hand@example.com"}}""", Basic(SegmentComApiServer.WriteKey));
        var malformed = await PostAsync("/v1/batch", """{"batch":[{"type":"track",""", Basic(SegmentComApiServer.WriteKey));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("""{"success":true}""", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True(await CountAsync("SELECT count(*) FROM inbound_payloads WHERE body LIKE '%hand-m1%'") == 1);
    }

    [Fact]
    public async Task A_lone_surrogate_is_refused_with_400_and_a_body_over_the_limit_with_413_and_neither_is_stored()
    {
        var surrogate = await PostAsync("/v1/track", """{"userId":"sur-1","event":"\ud800"}""", Basic(SegmentComApiServer.WriteKey));
        var overSegmentsLimit = await PostAsync("/v1/track", $$"""{"userId":"big-1","event":"{{new string('x', 600 * 1024)}}"}""", Basic(SegmentComApiServer.WriteKey));
        var overConfigured = await PostAsync("/v1/track", $$"""{"userId":"big-2","event":"{{new string('x', 1100)}}"}""", Basic(SegmentComApiServer.SmallWriteKey));
        var underConfigured = await PostAsync("/v1/track", """{"userId":"small-1","event":"E"}""", Basic(SegmentComApiServer.SmallWriteKey));

        Assert.Equal(HttpStatusCode.BadRequest, surrogate.StatusCode);
        Assert.Contains("surrogate", await surrogate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge), (overSegmentsLimit.StatusCode, overConfigured.StatusCode));
        Assert.Equal(HttpStatusCode.OK, underConfigured.StatusCode);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM inbound_payloads WHERE body LIKE '%sur-1%' OR body LIKE '%big-1%' OR body LIKE '%big-2%'"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM inbound_payloads WHERE body LIKE '%small-1%'"));
    }

    [Fact]
    public async Task Events_sent_by_analytics_node_are_stored_then_loaded_by_the_connector_once()
    {
        var (exit, output) = await server.SendWithAnalyticsNodeAsync(SegmentComApiServer.WriteKey);
        Assert.True(exit == 0, output);
        Assert.Contains("status 200", output, StringComparison.Ordinal);

        var first = await server.ImportAsync();
        var again = await server.ImportAsync();

        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("new=0", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM record_identifiers WHERE kind = 'Email' AND normalized_value = 'node.user@example.com'"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM record_identifiers WHERE kind = 'Phone' AND normalized_value = '+16505551212'"));
        Assert.Equal(3, await CountAsync("SELECT count(*) FROM touchpoints WHERE source_key IN ('node-user-1', 'node-anon-1')"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM touchpoints WHERE type = 'order_completed' AND amount = '99.5' AND currency = 'USD'"));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM inbound_payloads p JOIN connectors c ON c.id = p.connector_id WHERE NOT p.processed AND c.name = '{SegmentComApiServer.Connector}'"));
    }

    [Fact]
    public async Task Analytics_node_with_a_wrong_write_key_reports_the_refusal()
    {
        var (exit, output) = await server.SendWithAnalyticsNodeAsync("wrong-key");

        Assert.NotEqual(0, exit);
        Assert.Contains("status 401", output, StringComparison.Ordinal);
    }

    private static AuthenticationHeaderValue Basic(string writeKey) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));

    private async Task<HttpResponseMessage> PostAsync(string path, string body, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, path))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = authorization;
        return await _http.SendAsync(request);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The test's own constant queries.
        command.CommandText = sql;
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
