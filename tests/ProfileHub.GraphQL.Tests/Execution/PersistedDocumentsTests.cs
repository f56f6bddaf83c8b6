using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Tests.Support;

namespace ProfileHub.GraphQL.Tests.Execution;

public class PersistedDocumentsTests
{
    private const string Query = "{ hero { name } }";

    private static Dictionary<string, object?> Extensions(string hash) => new()
    {
        ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 1L, ["sha256Hash"] = hash },
    };

    [Fact]
    public async Task A_hash_alone_runs_a_registered_document()
    {
        var executor = new GraphQLExecutor(StarWars.Schema, new ExecutionOptions { PersistedDocuments = new PersistedDocuments(trustedOnly: true, [Query]) });
        var result = await executor.ExecuteAsync(new GraphQLRequest(null, Extensions: Extensions(PersistedDocuments.Hash(Query))));
        Assert.Equal("{\"data\":{\"hero\":{\"name\":\"R2-D2\"}}}", result.ToJson());
    }

    [Fact]
    public async Task Trusted_mode_refuses_documents_that_are_not_registered()
    {
        var executor = new GraphQLExecutor(StarWars.Schema, new ExecutionOptions { PersistedDocuments = new PersistedDocuments(trustedOnly: true, [Query]) });
        var result = await executor.ExecuteAsync(new GraphQLRequest("{ hero { id } }"));
        Assert.False(result.HasData);
        Assert.Equal(ErrorCodes.PersistedQueryNotFound, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Automatic_persisted_queries_register_on_first_full_request()
    {
        var executor = new GraphQLExecutor(StarWars.Schema, new ExecutionOptions { PersistedDocuments = new PersistedDocuments(trustedOnly: false) });
        var hash = PersistedDocuments.Hash(Query);
        var unknown = await executor.ExecuteAsync(new GraphQLRequest(null, Extensions: Extensions(hash)));
        Assert.Equal("PersistedQueryNotFound", Assert.Single(unknown.Errors).Message);
        var registered = await executor.ExecuteAsync(new GraphQLRequest(Query, Extensions: Extensions(hash)));
        Assert.True(registered.HasData);
        var byHash = await executor.ExecuteAsync(new GraphQLRequest(null, Extensions: Extensions(hash)));
        Assert.Equal("{\"data\":{\"hero\":{\"name\":\"R2-D2\"}}}", byHash.ToJson());
    }

    [Fact]
    public async Task A_hash_that_does_not_match_the_query_is_refused()
    {
        var executor = new GraphQLExecutor(StarWars.Schema, new ExecutionOptions { PersistedDocuments = new PersistedDocuments(trustedOnly: false) });
        var result = await executor.ExecuteAsync(new GraphQLRequest(Query, Extensions: Extensions(new string('0', 64))));
        Assert.Equal("provided sha does not match query", Assert.Single(result.Errors).Message);
    }
}
