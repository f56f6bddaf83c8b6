using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProfileHub.Connectors.Tests.Support;

/// <summary>What the fake vendor answers to one request.</summary>
internal sealed record FakeResponse(int Status, string Body, string ContentType = "application/json", int? RetryAfterSeconds = null)
{
    public static FakeResponse Json(string body) => new(200, body);

    public static FakeResponse Html(string body) => new(200, body, "text/html; charset=utf-8");
}

/// <summary>A request the fake vendor received: host (for links back to itself), path and query, the Authorization header, when.</summary>
internal sealed record FakeRequest(string Host, string Path, IReadOnlyDictionary<string, string> Query, string? Authorization, DateTimeOffset At)
{
    public string? this[string name] => Query.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A vendor API on loopback (Kestrel, port 0) for the pulled connectors' tests: every request is recorded and
/// answered by the test's script, which can serve pages, cursors, 429 with Retry-After, 500s and HTML.
/// </summary>
internal sealed class FakeVendorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();

    private FakeVendorServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public static async Task<FakeVendorServer> StartAsync(Func<FakeRequest, FakeResponse> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeVendorServer(app);
        app.Run(async context =>
        {
            var request = new FakeRequest(
                context.Request.Host.Value ?? string.Empty,
                context.Request.Path.Value ?? "/",
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                TimeProvider.System.GetUtcNow());
            server._requests.Enqueue(request);
            var response = script(request);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            if (response.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsync(response.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
