namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// The bounds of introspection: <c>__schema</c> and <c>__type</c> with everything they select, which
/// <see cref="ExecutionOptions.MaxDepth"/> and <see cref="ExecutionOptions.MaxCost"/> do not count. Standard clients
/// (GraphiQL, graphql-codegen, Apollo, Relay, Postman, Insomnia) send graphql-js's introspection query, whose type
/// references nest <c>ofType</c> nine deep (depth 15 in all): a data depth limit low enough to protect the data
/// would refuse it. What an introspection query can cost is bounded by the schema, not by the data, so these bounds
/// only stop documents built to multiply it (many copies of <c>__schema</c>, aliases, doubling fragments). The
/// validation rule of graphql-js (list fields nested three deep) applies as well. Null switches a bound off.
/// </summary>
public sealed record IntrospectionLimits
{
    /// <summary>
    /// Most <c>ofType</c> fields on one path: 16, as Hot Chocolate allows (graphql-js's query needs 9, a type such as
    /// <c>[[[T!]!]!]!</c> 7).
    /// </summary>
    public int? MaxOfTypeDepth { get; init; } = 16;

    /// <summary>Deepest introspection subtree, counted from its meta-field: graphql-js's query with 16 <c>ofType</c> is 22 deep.</summary>
    public int? MaxDepth { get; init; } = 22;

    /// <summary>
    /// Highest introspection cost (measured as <see cref="ExecutionOptions.MaxCost"/> is, with the default list size),
    /// summed over every introspection subtree of the operation: graphql-js's full query costs 16,424, so this allows
    /// it twice (room for clients that ask for a little more), and refuses a document that repeats <c>__schema</c>.
    /// </summary>
    public long? MaxCost { get; init; } = 40_000;
}
