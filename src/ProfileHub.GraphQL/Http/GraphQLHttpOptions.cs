using ProfileHub.GraphQL.Execution;

namespace ProfileHub.GraphQL.Http;

/// <summary>How the GraphQL-over-HTTP endpoint behaves.</summary>
public sealed record GraphQLHttpOptions
{
    public ExecutionOptions Execution { get; init; } = new();

    /// <summary>Larger request bodies are refused with 413 before they are read in full.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>Queries over GET (never mutations: those get 405 with <c>Allow: POST</c>).</summary>
    public bool AllowGet { get; init; } = true;

    /// <summary>Serve GraphiQL to browsers (GET with Accept: text/html) and its assets under <c>{endpoint}/graphiql/</c>.</summary>
    public bool GraphiQL { get; init; } = true;

    /// <summary>
    /// Serve the schema in SDL at <c>GET {endpoint}?sdl</c> (text/plain), for tools that read a schema file
    /// (graphql-codegen, Apollo, the Relay compiler); it needs the same authentication as operations.
    /// </summary>
    public bool ServeSdl { get; init; } = true;

    /// <summary>
    /// Operations need an authenticated user (the host's authentication middleware runs first); anonymous
    /// requests (and the SDL) get the authentication scheme's challenge (401) with a GraphQL-shaped body. GraphiQL's page
    /// and assets stay open, so a browser can load it and send its key in GraphiQL's headers pane.
    /// </summary>
    public bool RequireAuthenticatedUser { get; init; }
}
