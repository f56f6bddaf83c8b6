using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProfileHub.Bench.Quality;
using ProfileHub.GraphQL.Http;

namespace ProfileHub.Bench.GraphQL;

/// <summary>
/// `serve-graphql [--port N]`: the bench schema (<see cref="ThroughputSchema"/>) behind ProfileHub's GraphQL-over-HTTP
/// endpoint, as a product would serve it (default execution options: depth limit and timeout on), on Kestrel at
/// 127.0.0.1 with logging and GraphiQL off. bench/graphql-http.sh loads it beside bench/graphql-js/server.mjs.
/// </summary>
internal static class GraphQLBenchServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Port 0 lets the system choose a free port; the line printed once listening names it.
        var port = int.Parse(QualityRunner.Option(args, "--port") ?? "0", CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.MapGraphQL("/graphql", ThroughputSchema.Schema, new GraphQLHttpOptions { GraphiQL = false });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Console.WriteLine($"ProfileHub.GraphQL listening on {address}/graphql");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
