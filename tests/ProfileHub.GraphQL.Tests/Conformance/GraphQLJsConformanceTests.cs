using ProfileHub.GraphQL.Tests.Support;

namespace ProfileHub.GraphQL.Tests.Conformance;

/// <summary>
/// The engine against the reference implementation and the GraphQL-over-HTTP audit, through the node scripts of
/// tests/conformance/graphql (graphql 17.1.0 and graphql-http 1.23.1, pinned by its package-lock.json).
/// </summary>
public class GraphQLJsConformanceTests(ConformanceServer server) : IClassFixture<ConformanceServer>
{
    [Fact]
    public async Task The_graphql_http_audit_passes_every_must_and_should()
    {
        var (exitCode, output) = await NodeScript.RunAsync("audit.mjs", server.Endpoint.ToString());

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Introspection_rebuilds_in_graphql_js_to_the_schema_it_was_declared_from()
    {
        var (exitCode, output) = await NodeScript.RunAsync("introspect.mjs", server.Endpoint.ToString(), ConformanceFixtures.SchemaFile);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Every_corpus_document_gets_the_same_answer_as_from_graphql_js()
    {
        var (exitCode, output) = await NodeScript.RunAsync("differential.mjs", server.Endpoint.ToString());

        Assert.True(exitCode == 0, output);
    }
}
