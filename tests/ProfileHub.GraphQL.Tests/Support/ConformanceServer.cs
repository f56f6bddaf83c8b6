using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Http;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>
/// One loopback server for the conformance tests, serving the differential schema without the limits graphql-js
/// does not have (depth), so both engines answer the same documents.
/// </summary>
public sealed class ConformanceServer : IAsyncLifetime
{
    private GraphQLServer? _server;

    public Uri Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        var execution = new ExecutionOptions { MaxDepth = null };
        _server = await GraphQLServer.StartAsync(ConformanceFixtures.BuildSchema(), new GraphQLHttpOptions { Execution = execution });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
