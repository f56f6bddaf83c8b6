using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProfileHub.Connectors.Email;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Web.Inbound;
using ProfileHub.Storage;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Web.Inbound;

/// <summary>
/// The SendGrid webhook end to end on each database: signed posts stored raw, SendGrid's retries of the same
/// post, then the connector run loading each event once.
/// </summary>
public abstract class SendGridWebhookEndpointTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly ECDsa _signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync()
    {
        _signingKey.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Signed_posts_are_stored_and_a_resent_post_loads_no_event_twice()
    {
        await AddConnectorAsync();
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "sendgrid", SendGridSamples.Batch, sign: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "sendgrid", SendGridSamples.Batch, sign: true)).StatusCode);
        var first = await database.RunAsync("sendgrid", new SendGridWebhookSource(Mapping.Shared), httpRetries: 0);
        var second = await database.RunAsync("sendgrid", new SendGridWebhookSource(Mapping.Shared), httpRetries: 0);

        Assert.Equal((16, 7), (first.RowsRead, first.TouchpointsInserted));
        Assert.Equal(0, second.RowsRead);
        Assert.Equal((6, 7, 0), await database.CountRowsAsync());
        await using var db = database.CreateContext();
        Assert.All(await db.InboundPayloads.ToListAsync(), p => Assert.True(p.Processed));
        var unsubscribed = await db.SourceRecords.Include(r => r.Consents).SingleAsync(r => r.SourceKey == "ana@example.com|group:42");
        Assert.Equal((ConsentStatus.Unsubscribed, "group:42"), (Assert.Single(unsubscribed.Consents).Status, unsubscribed.Consents[0].Scope));
    }

    [Fact]
    public async Task A_post_with_a_wrong_signature_is_refused_and_an_unknown_connector_is_not_found()
    {
        await AddConnectorAsync();
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address };

        var unsigned = await PostAsync(client, "sendgrid", "[]", sign: false);
        using var tampered = Signed("sendgrid", "[]");
        tampered.Content = new StringContent("[{}]", Encoding.UTF8, "application/json");
        var altered = await client.SendAsync(tampered);
        var unknown = await PostAsync(client, "nobody", "[]", sign: true);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (unsigned.StatusCode, altered.StatusCode, unknown.StatusCode));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.InboundPayloads.CountAsync());
    }

    [Fact]
    public async Task Without_a_verification_key_a_post_is_refused_with_401_saying_what_to_set_and_nothing_is_stored()
    {
        await database.AddConnectorAsync("open", ConnectorKind.Email, SendGridWebhookSource.FormatName);
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address };

        // The spoof: an unsubscribe nobody signed, which used to become a consent statement.
        var spoofed = await PostAsync(client, "open", """[{"email":"ana@example.com","timestamp":1772704800,"event":"unsubscribe","sg_event_id":"spoof"}]""", sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, spoofed.StatusCode);
        var error = await ErrorAsync(spoofed);
        Assert.Contains("ProfileHub:Connectors:open:Settings:verificationKey", error, StringComparison.Ordinal);
        Assert.Contains("allowUnsigned", error, StringComparison.Ordinal);
        Assert.Equal(0, await PayloadCountAsync());
    }

    [Fact]
    public async Task An_explicit_allowUnsigned_opt_out_stores_unsigned_posts()
    {
        await database.AddConnectorAsync("open", ConnectorKind.Email, SendGridWebhookSource.FormatName, """{"allowUnsigned":"true"}""");
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "open", SendGridSamples.Batch, sign: false)).StatusCode);
        Assert.Equal(1, await PayloadCountAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_while_reading_and_not_stored()
    {
        await AddConnectorAsync();
        await database.AddConnectorAsync("small", ConnectorKind.Email, SendGridWebhookSource.FormatName, """{"allowUnsigned":"true","maxBodyBytes":"1000"}""");
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address };

        // The 25 MB post, with its Content-Length: refused before a byte of it is read.
        var huge = "[" + string.Join(',', Enumerable.Repeat("""{"email":"x@example.com","event":"open"}""", 25 * 1024 * 1024 / 40)) + "]";
        var declared = await PostAsync(client, "sendgrid", huge, sign: true);

        // Chunked, without a Content-Length: refused as soon as what was read passes the connector's maxBodyBytes.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "webhooks/sendgrid/small")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("[" + new string(' ', 5000) + "]"))),
        };
        chunked.Headers.TransferEncodingChunked = true;
        var streamed = await client.SendAsync(chunked);
        var underLimit = await PostAsync(client, "small", "[" + new string(' ', 900) + "]", sign: false);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge), (declared.StatusCode, streamed.StatusCode));
        Assert.Contains("1000 bytes", await ErrorAsync(streamed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, underLimit.StatusCode);
        Assert.Equal(1, await PayloadCountAsync());
    }

    [Theory]
    [InlineData("""[{"email":"ana@example.com","event":"open","useragent":"\ud800"}]""", "surrogate")]
    [InlineData("""[{"email":"ana@example.com","\udc00":1}]""", "surrogate")]
    [InlineData("""[{"email":"ana@example.com",""", "Invalid JSON")]
    [InlineData("""{"email":"ana@example.com"}""", "array")]
    [InlineData("", "Invalid JSON")]
    public async Task A_signed_body_that_is_not_a_json_array_of_text_is_refused_with_400_and_not_stored(string body, string expected)
    {
        await AddConnectorAsync();
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address };

        var response = await PostAsync(client, "sendgrid", body, sign: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await ErrorAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await PayloadCountAsync());
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString()!;
    }

    private async Task<int> PayloadCountAsync()
    {
        await using var db = database.CreateContext();
        return await db.InboundPayloads.CountAsync();
    }

    private Task<int> AddConnectorAsync() => database.AddConnectorAsync(
        "sendgrid", ConnectorKind.Email, SendGridWebhookSource.FormatName,
        $$"""{"verificationKey":"{{Convert.ToBase64String(_signingKey.ExportSubjectPublicKeyInfo())}}"}""");

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string connector, string body, bool sign)
    {
        var request = sign ? Signed(connector, body) : new HttpRequestMessage(HttpMethod.Post, $"webhooks/sendgrid/{connector}");
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return client.SendAsync(request);
    }

    // SendGrid signs the timestamp header followed by the raw body (ECDSA P-256, SHA-256, DER, base64).
    private HttpRequestMessage Signed(string connector, string body)
    {
        const string timestamp = "1772704800";
        var signature = _signingKey.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/sendgrid/{connector}");
        request.Headers.Add(SendGridSignature.TimestampHeader, timestamp);
        request.Headers.Add(SendGridSignature.SignatureHeader, Convert.ToBase64String(signature));
        return request;
    }

    private async Task<RunningApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(database.Provider);
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(IngestionHarness.T0));
        builder.Services.AddDbContext<ProfileHubDbContext>(database.Provider.ConfigureDbContext);
        var app = builder.Build();
        app.MapSendGridWebhook();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private sealed record RunningApp(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}

public sealed class SendGridWebhookEndpointSqliteTests(SqliteTestDatabase database) : SendGridWebhookEndpointTests<SqliteTestDatabase>(database);

public sealed class SendGridWebhookEndpointPostgresTests(PostgresTestDatabase database) : SendGridWebhookEndpointTests<PostgresTestDatabase>(database);
