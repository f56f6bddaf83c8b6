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

    private GraphQLServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
        Client = new HttpClient { BaseAddress = endpoint };
    }

    public Uri Endpoint { get; }

    public HttpClient Client { get; }

    public static async Task<GraphQLServer> StartAsync(Schema schema, GraphQLHttpOptions? options = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGraphQL("/graphql", schema, options);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GraphQLServer(app, new Uri(address + "/graphql"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
