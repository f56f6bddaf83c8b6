using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProfileHub.GraphQL.Http;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>A real Kestrel server on a free loopback port serving a schema at /graphql.</summary>
internal sealed class GraphQLServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MeterListener _activeRequests;
    private long _active;

    private GraphQLServer(WebApplication app)
    {
        _app = app;
        // ASP.NET Core's own count of the requests this host is handling (its meters belong to the host's IMeterFactory,
        // so servers of tests running in parallel do not mix); a request whose client left counts until its work ends.
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        _activeRequests = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "http.server.active_requests" && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _activeRequests.SetMeasurementEventCallback<long>((_, change, _, _) => Interlocked.Add(ref _active, change));
        _activeRequests.Start();
    }

    public Uri Endpoint { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Requests the server has started and not finished, answered or not.</summary>
    public long ActiveRequests => Interlocked.Read(ref _active);

    /// <summary>Waits until the server handles no request, up to <paramref name="bound"/>; false if it is still busy then.</summary>
    public async Task<bool> WaitUntilIdleAsync(TimeSpan bound)
    {
        var giveUp = Environment.TickCount64 + (long)bound.TotalMilliseconds;
        while (ActiveRequests > 0)
        {
            if (Environment.TickCount64 > giveUp)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }

    public static async Task<GraphQLServer> StartAsync(Schema schema, GraphQLHttpOptions? options = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGraphQL("/graphql", schema, options);
        var server = new GraphQLServer(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address + "/graphql");
        server.Client = new HttpClient { BaseAddress = server.Endpoint };
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _activeRequests.Dispose();
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
