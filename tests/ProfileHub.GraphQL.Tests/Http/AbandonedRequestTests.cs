using System.Text;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Http;
using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Http;

/// <summary>A request nobody waits for any more leaves no work running on the server.</summary>
public sealed class AbandonedRequestTests : IAsyncLifetime
{
    private GraphQLServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphQLServer.StartAsync(
        new SchemaBuilder().Object("Query", q => q.Field("hello", "String", f => f.Resolve(_ => "hi"))).Build(),
        new GraphQLHttpOptions { Execution = new ExecutionOptions { MaxDepth = 12, MaxCost = 50_000 } });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_client_that_gives_up_leaves_the_server_idle()
    {
        // The query: 40 levels of fragments spreading the previous one twice. Whether the server answers first
        // or the client gives up first, nothing may keep running for it afterwards.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var body = "{\"query\":\"" + HostileDocuments.Doubling(40, "__typename") + "\"}";
        try
        {
            using var response = await _server.Client.PostAsync(_server.Endpoint, new StringContent(body, Encoding.UTF8, "application/json"), giveUp.Token);
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
        }

        Assert.True(await _server.WaitUntilIdleAsync(TimeSpan.FromSeconds(15)), $"{_server.ActiveRequests} request(s) still running");
    }
}
