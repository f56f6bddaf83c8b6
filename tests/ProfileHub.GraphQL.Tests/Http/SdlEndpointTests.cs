using System.Net;
using ProfileHub.GraphQL.Http;
using ProfileHub.GraphQL.Tests.Support;

namespace ProfileHub.GraphQL.Tests.Http;

/// <summary><c>GET {endpoint}?sdl</c>: the schema as the engine prints it, for tools that read a schema file.</summary>
public sealed class SdlEndpointTests : IAsyncLifetime
{
    private GraphQLServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphQLServer.StartAsync(RichSchema.Build());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("*/*")]
    [InlineData("text/html,application/xhtml+xml,*/*;q=0.8")]
    public async Task The_sdl_is_the_printed_schema_as_plain_text_for_tools_and_browsers(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Endpoint + "?sdl"));
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal(RichSchema.Build().ToSdl(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Switched_off_the_request_is_a_get_without_a_query()
    {
        await using var server = await GraphQLServer.StartAsync(RichSchema.Build(), new GraphQLHttpOptions { ServeSdl = false });

        using var response = await server.Client.GetAsync(new Uri(server.Endpoint + "?sdl"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The request has no \\\"query\\\" parameter.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
