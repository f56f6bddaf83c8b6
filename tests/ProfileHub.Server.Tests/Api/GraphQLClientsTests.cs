using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ProfileHub.Core.Access;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Api;

/// <summary>
/// Standard GraphQL tooling against the real server over loopback HTTP: the schema file at <c>GET /graphql?sdl</c>,
/// and graphql-codegen from npm (tests/conformance/codegen, pinned by its package-lock.json), whose introspection
/// must pass the API's limits and whose output must compile with tsc --strict.
/// </summary>
public sealed class GraphQLClientsTests(ApiFixture<SqliteTestDatabase> fixture) : IClassFixture<ApiFixture<SqliteTestDatabase>>
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task The_sdl_url_serves_the_reviewed_schema_to_a_key_holder()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.Endpoint + "?sdl"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Server.KeyFor(ApiRole.Marketing));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var reviewed = await File.ReadAllTextAsync(Path.Combine(SourceDirectory(), "schema.graphql"));
        Assert.Equal(reviewed.ReplaceLineEndings("\n"), (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_sdl_url_needs_a_key_like_introspection()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(Server.Endpoint + "?sdl"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graphql_codegen_introspects_the_server_and_its_output_compiles()
    {
        var directory = NodeScript.InstalledFolder(Path.Combine("tests", "conformance", "codegen"), Path.Combine("@graphql-codegen", "cli"));

        var (exitCode, stdout, stderr) = await NodeScript.RunAsync(directory, ["run.mjs", Server.Endpoint.ToString(), Server.KeyFor(ApiRole.Marketing)], TimeSpan.FromMinutes(4));

        Assert.True(exitCode == 0, stdout + stderr);
        using var run = JsonDocument.Parse(stdout);
        var codegen = run.RootElement.GetProperty("codegen");
        Assert.True(codegen.GetProperty("exitCode").GetInt32() == 0, codegen.GetProperty("output").GetString());
        var tsc = run.RootElement.GetProperty("tsc");
        Assert.True(tsc.GetProperty("exitCode").GetInt32() == 0, tsc.GetProperty("output").GetString());
        var generated = run.RootElement.GetProperty("generated");
        Assert.Contains("export type Profile = Node & {", generated.GetProperty("schema.ts").GetString(), StringComparison.Ordinal);
        Assert.Contains("export type ProfileByEmailQuery = { profileByIdentifier: {", generated.GetProperty("operations.ts").GetString(), StringComparison.Ordinal);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
