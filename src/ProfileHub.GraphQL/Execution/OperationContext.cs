using ProfileHub.GraphQL.DataLoader;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Execution;

/// <summary>Everything one execution of one operation shares (graphql-js's ExecutionContext).</summary>
internal sealed class OperationContext
{
    public OperationContext(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        IServiceProvider services,
        ExecutionOptions options,
        CancellationToken cancellationToken)
    {
        Schema = schema;
        Operation = operation;
        Fragments = fragments;
        Variables = variables;
        Services = services;
        Options = options;
        CancellationToken = cancellationToken;
        DataLoaders = new DataLoaderScope(cancellationToken);
    }

    public Schema Schema { get; }

    public OperationDefinitionNode Operation { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public IServiceProvider Services { get; }

    public ExecutionOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public DataLoaderScope DataLoaders { get; }

    public Dictionary<string, object?> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>Field errors; only the single-threaded completion phase adds to it.</summary>
    public List<GraphQLError> Errors { get; } = [];
}

/// <summary>Services for resolvers when the host gives none.</summary>
internal sealed class EmptyServiceProvider : IServiceProvider
{
    public static EmptyServiceProvider Instance { get; } = new();

    public object? GetService(Type serviceType) => null;
}
