using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Execution;

/// <summary>An entry of the response's <c>errors</c> (spec 7.1.2): message, locations, path, extensions.</summary>
public sealed class GraphQLError
{
    public GraphQLError(string message, IReadOnlyList<SourceLocation>? locations = null, IReadOnlyList<object>? path = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Locations = locations;
        Path = path;
        Extensions = extensions;
    }

    public string Message { get; }

    public IReadOnlyList<SourceLocation>? Locations { get; }

    public IReadOnlyList<object>? Path { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The position of the error in the result, so errors list in response order as graphql-js's do.</summary>
    internal IReadOnlyList<int>? Order { get; init; }

    public string? Code => Extensions?.GetValueOrDefault("code") as string;

    public override string ToString() => Path is null ? Message : $"{Message} (at {string.Join('.', Path)})";

    internal static IReadOnlyList<SourceLocation>? LocationsOf(IEnumerable<SyntaxNode?> nodes)
    {
        var locations = nodes.Where(n => n?.Location is not null).Select(n => new SourceLocation(n!.Location!.Line, n.Location.Column)).ToList();
        return locations.Count > 0 ? locations : null;
    }

    internal static Dictionary<string, object?> CodeOf(string code) => new(StringComparer.Ordinal) { ["code"] = code };
}

/// <summary>Error codes written to <c>extensions.code</c>.</summary>
public static class ErrorCodes
{
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE";
    public const string BadRequest = "BAD_REQUEST";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string FieldError = "FIELD_ERROR";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";
    public const string Timeout = "EXECUTION_TIMEOUT";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
}

/// <summary>
/// An error a resolver throws on purpose: its message and extensions reach the client as they are
/// (any other exception is masked as "Unexpected Execution Error" outside development mode).
/// </summary>
public sealed class GraphQLException : Exception
{
    public GraphQLException()
    {
    }

    public GraphQLException(string message)
        : base(message)
    {
    }

    public GraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GraphQLException(string message, string code, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        foreach (var pair in extensions ?? new Dictionary<string, object?>())
        {
            all[pair.Key] = pair.Value;
        }
        Extensions = all;
    }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
