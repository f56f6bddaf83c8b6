using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ProfileHub.GraphQL.Http;
using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Http;

public sealed class GraphQLEndpointTests : IAsyncLifetime
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private GraphQLServer _server = null!;

    private static Schema Schema { get; } = new SchemaBuilder()
        .Object("Query", q => q
            .Field("hello", "String", f => f.Argument("name", "String", "world").Resolve(ctx => "hello " + ctx.Argument<string>("name")))
            .Field("fails", "String!", f => f.Resolve(_ => throw new InvalidOperationException("db down"))))
        .Object("Mutation", m => m.Field("touch", "Int", f => f.Resolve(_ => 1)))
        .Build();

    public async Task InitializeAsync() => _server = await GraphQLServer.StartAsync(Schema, new GraphQLHttpOptions { MaxRequestBytes = 4096 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Post_with_json_runs_the_query_and_answers_in_the_accepted_media_type()
    {
        var response = await PostAsync("{\"query\":\"query Q($n: String) { hello(name: $n) }\",\"variables\":{\"n\":\"ada\"},\"operationName\":\"Q\"}", GraphQLResponse);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal(Q("{'data':{'hello':'hello ada'}}"), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json", GraphQLResponse)]
    public async Task Accept_negotiation_picks_the_media_type(string? accept, string expected)
    {
        var response = await PostAsync("{\"query\":\"{ hello }\"}", accept);
        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_406()
    {
        var response = await PostAsync("{\"query\":\"{ hello }\"}", "image/png");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Syntax_errors_are_400_only_for_the_graphql_response_media_type(string accept, HttpStatusCode expected)
    {
        var response = await PostAsync("{\"query\":\"{\"}", accept);
        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("\"data\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Variable_coercion_failures_follow_the_same_mapping(string accept, HttpStatusCode expected)
    {
        var response = await PostAsync("{\"query\":\"query($id: ID!) { __typename }\",\"variables\":{\"id\":null}}", accept);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Field_errors_keep_200_and_are_masked()
    {
        var response = await PostAsync("{\"query\":\"{ hello fails }\"}", GraphQLResponse);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Unexpected Execution Error", body, StringComparison.Ordinal);
        Assert.DoesNotContain("db down", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"not a JSON")]
    [InlineData("[1]")]
    [InlineData("{\"query\": 1}")]
    [InlineData("{\"query\": \"{ hello }\", \"variables\": \"x\"}")]
    [InlineData("{\"query\": \"{ hello }\", \"extensions\": [1]}")]
    [InlineData("{\"query\": \"{ hello }\", \"operationName\": false}")]
    [InlineData("{\"qeury\": \"{ hello }\"}")]
    [InlineData("")]
    public async Task Malformed_bodies_and_parameters_are_400_with_an_errors_body(string body)
    {
        var response = await PostAsync(body, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("{\"errors\":[{\"message\":", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"query\":\"query($v:String){__typename}\",\"variables\":{\"v\":\"\\ud800\"}}")]
    [InlineData("{\"query\":\"{ hello(name: \\\"\\udc00\\\") }\"}")]
    [InlineData("{\"query\":\"{ hello }\",\"operationName\":\"\\ud800\"}")]
    [InlineData("{\"query\":\"{ hello }\",\"extensions\":{\"e\":\"x\\udbff\"}}")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":{\"\\ud800\":1}}")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":{\"v\":[\"ok\",{\"deep\":\"\\udfff\\ud800\"}]}}")]
    [InlineData("{\"\\ud800\":1,\"query\":\"{ hello }\"}")]
    public async Task A_lone_surrogate_escaped_anywhere_in_the_body_is_400_with_an_errors_body(string body)
    {
        // JSON may escape half of a UTF-16 surrogate pair ("\ud800"), which is no text: bad input, not a server fault.
        var response = await PostAsync(body, GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"errors\":[{\"message\":", text, StringComparison.Ordinal);
        Assert.Contains("surrogate", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("variables", "{\"n\":\"\\ud800\"}")]
    [InlineData("extensions", "{\"e\":\"\\udc00\"}")]
    public async Task A_lone_surrogate_in_a_get_parameter_is_400(string parameter, string json)
    {
        var url = "?query=" + Uri.EscapeDataString("query($n: String) { hello(name: $n) }") + "&" + parameter + "=" + Uri.EscapeDataString(json);

        var response = await _server.Client.GetAsync(new Uri(_server.Endpoint + url));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"errors\":[{\"message\":", text, StringComparison.Ordinal);
        Assert.Contains("surrogate", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Percent_encoded_bytes_that_are_not_utf8_in_a_get_query_are_not_a_server_error()
    {
        // %ED%A0%80 would be the UTF-8 of U+D800, which UTF-8 forbids: ASP.NET leaves such bytes percent-encoded.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Endpoint + "?query=%7B%20hello(name%3A%20%22%ED%A0%80%22)%20%7D"));
        request.Headers.TryAddWithoutValidation("Accept", GraphQLResponse);

        var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Q("{'data':{'hello':'hello %ED%A0%80'}}"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_400_not_500()
    {
        var content = new ByteArrayContent([(byte)'{', (byte)'"', (byte)'q', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await _server.Client.PostAsync(_server.Endpoint, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=latin1")]
    public async Task Other_content_types_are_415(string? contentType)
    {
        var content = new StringContent("{\"query\":\"{ hello }\"}");
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        var response = await _server.Client.PostAsync(_server.Endpoint, content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413()
    {
        var response = await PostAsync("{\"query\":\"{ hello }\",\"x\":\"" + new string('a', 5000) + "\"}", "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_runs_queries_with_json_variables()
    {
        var url = "?query=" + Uri.EscapeDataString("query($n: String) { hello(name: $n) }") + "&variables=" + Uri.EscapeDataString("{\"n\":\"get\"}");
        var response = await _server.Client.GetAsync(new Uri(_server.Endpoint + url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Q("{'data':{'hello':'hello get'}}"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mutations_over_get_are_405_with_allow_post()
    {
        var response = await _server.Client.GetAsync(new Uri(_server.Endpoint + "?query=" + Uri.EscapeDataString("mutation { touch }")));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        var response = await _server.Client.PutAsync(_server.Endpoint, new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await _server.Client.SendAsync(request);
    }
}
