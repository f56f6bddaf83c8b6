using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProfileHub.GraphQL.Http;
using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;
using static ProfileHub.GraphQL.Tests.Support.Run;

namespace ProfileHub.GraphQL.Tests.Http;

/// <summary><c>RequireAuthenticatedUser</c>: operations need the host's authentication; GraphiQL stays open.</summary>
public sealed class AuthenticatedEndpointTests : IAsyncLifetime
{
    private GraphQLServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphQLServer.StartAsync(
        new SchemaBuilder().Object("Query", q => q.Field("hello", "String", f => f.Resolve(_ => "hi"))).Build(),
        new GraphQLHttpOptions { RequireAuthenticatedUser = true },
        services => services.AddAuthentication(HeaderAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_anonymous_operation_gets_the_schemes_challenge_and_a_graphql_error()
    {
        using var response = await _server.Client.PostAsync(_server.Endpoint, new StringContent("{\"query\":\"{ hello }\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Test", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(
            Q("{'errors':[{'message':'Authentication required: send the credentials the WWW-Authenticate header asks for.','extensions':{'code':'UNAUTHENTICATED'}}]}"),
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_authenticated_operation_runs_and_the_graphiql_page_needs_no_credentials()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Endpoint) { Content = new StringContent("{\"query\":\"{ hello }\"}", Encoding.UTF8, "application/json") };
        request.Headers.Add(HeaderAuthentication.Header, "ada");
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(Q("{'data':{'hello':'hi'}}"), await response.Content.ReadAsStringAsync());

        using var page = new HttpRequestMessage(HttpMethod.Get, _server.Endpoint);
        page.Headers.Accept.ParseAdd("text/html");
        using var html = await _server.Client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_sdl_needs_the_same_credentials_as_operations()
    {
        using var anonymous = await _server.Client.GetAsync(new Uri(_server.Endpoint + "?sdl"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Endpoint + "?sdl"));
        request.Headers.Add(HeaderAuthentication.Header, "ada");
        using var authenticated = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("UNAUTHENTICATED", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.Equal("type Query {\n  hello: String\n}", (await authenticated.Content.ReadAsStringAsync()).ReplaceLineEndings("\n"));
    }

    /// <summary>Authenticates whoever names themselves in a header; challenges with 401 and <c>WWW-Authenticate: Test</c>.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Test";
        public const string Header = "X-User";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers.TryGetValue(Header, out var user)
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], SchemeName)), SchemeName))
                : AuthenticateResult.NoResult());

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = (int)HttpStatusCode.Unauthorized;
            Response.Headers.WWWAuthenticate = SchemeName;
            return Task.CompletedTask;
        }
    }
}
