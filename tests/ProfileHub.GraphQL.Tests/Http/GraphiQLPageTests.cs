using System.Net;
using ProfileHub.GraphQL.Http;
using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Http;

public sealed class GraphiQLPageTests : IAsyncLifetime
{
    private static readonly Schema Schema = new SchemaBuilder().Object("Query", q => q.Field("a", "Int")).Build();
    private GraphQLServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphQLServer.StartAsync(Schema);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Browsers_get_the_page_with_assets_from_the_endpoint_itself()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.Endpoint);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        var response = await _server.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.True(GraphiQLPage.AssetsEmbedded, "the build should have bundled GraphiQL from npm");
        Assert.Contains("src=\"/graphql/graphiql/graphiql.min.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundled_script_is_served()
    {
        var response = await _server.Client.GetAsync(new Uri(_server.Endpoint + "/graphiql/graphiql.min.js"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [Fact]
    public async Task Unknown_asset_names_are_404()
    {
        var response = await _server.Client.GetAsync(new Uri(_server.Endpoint + "/graphiql/secrets.txt"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_browser_get_with_a_query_still_gets_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Endpoint + "?query=%7Ba%7D"));
        request.Headers.TryAddWithoutValidation("Accept", "text/html,*/*;q=0.8");
        var response = await _server.Client.SendAsync(request);
        Assert.Equal("{\"data\":{\"a\":null}}", await response.Content.ReadAsStringAsync());
    }
}
