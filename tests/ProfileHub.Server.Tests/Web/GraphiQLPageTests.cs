using System.Text.Json;
using ProfileHub.Core.Access;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Web;

/// <summary>
/// GraphiQL at /graphql in a real browser (Debian's Chromium, headless) against the real server: with the key in its
/// headers pane, it fetches the schema (graphql-js's introspection query, deeper than the API's data depth limit)
/// and its docs explorer lists Profile with its fields.
/// </summary>
public sealed class GraphiQLPageTests(GraphiQLPageTests.Browser browser) : IClassFixture<GraphiQLPageTests.Browser>
{
    private JsonElement Page => browser.Page;

    [Fact]
    public void Introspection_with_the_key_answers_the_whole_schema()
    {
        var last = Page.GetProperty("introspections").EnumerateArray().Last();

        Assert.Equal(200, Page.GetProperty("status").GetInt32());
        Assert.Equal(200, last.GetProperty("status").GetInt32());
        Assert.Empty(last.GetProperty("errors").EnumerateArray());
        Assert.True(last.GetProperty("types").GetInt32() > 50, last.ToString());
        Assert.Empty(Page.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public void The_docs_explorer_finds_profile_and_its_fields()
    {
        Assert.Empty(Page.GetProperty("schemaError").EnumerateArray());
        Assert.Equal(["query", "mutation"], Page.GetProperty("rootTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.True(Page.GetProperty("profileListed").GetBoolean());
        var profile = Page.GetProperty("profile");
        Assert.Equal("Profile", profile.GetProperty("title").GetString());
        var fields = profile.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal(["id", "version", "status"], fields.Take(3));
        Assert.Contains("identifiers", fields);
    }

    /// <summary>One server and one browser run for the class (a browser run takes seconds).</summary>
    public sealed class Browser : IAsyncLifetime
    {
        private readonly ApiFixture<SqliteTestDatabase> _api = new();

        public JsonElement Page { get; private set; }

        public async Task InitializeAsync()
        {
            await _api.InitializeAsync();
            Page = await BrowserScript.RunAsync("graphiql.mjs", _api.Server.BaseAddress.ToString(), _api.Server.KeyFor(ApiRole.Marketing));
        }

        public Task DisposeAsync() => _api.DisposeAsync();
    }
}
