using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Sources;
using ProfileHub.Storage;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Email;

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

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "sendgrid", SendGridWebhookSourceTests.Batch, sign: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "sendgrid", SendGridWebhookSourceTests.Batch, sign: true)).StatusCode);
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
