namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// A GraphQL request (GraphQL over HTTP: query, operationName, variables, extensions). Variables and
/// extensions are plain values: null, bool, string, long, double, lists and string-keyed dictionaries.
/// </summary>
public sealed record GraphQLRequest(
    string? Query,
    string? OperationName = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);
