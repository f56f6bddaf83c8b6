using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// Persisted operations by sha256 hash, sent as <c>extensions.persistedQuery {version: 1, sha256Hash}</c> (the APQ
/// convention). In trusted mode only registered documents run; otherwise clients may register a document by
/// sending it once with its hash (automatic persisted queries).
/// </summary>
public sealed class PersistedDocuments
{
    private readonly ConcurrentDictionary<string, string> _byHash = new(StringComparer.OrdinalIgnoreCase);

    public PersistedDocuments(bool trustedOnly, IEnumerable<string>? documents = null)
    {
        TrustedOnly = trustedOnly;
        foreach (var document in documents ?? [])
        {
            _byHash[Hash(document)] = document;
        }
    }

    /// <summary>Only registered documents may run: a request with a query text that is not registered is refused.</summary>
    public bool TrustedOnly { get; }

    public static string Hash(string document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public void Register(string document) => _byHash[Hash(document)] = document;

    public bool TryGet(string hash, out string document) => _byHash.TryGetValue(hash, out document!);

    /// <summary>Finds the query text of a request, or the error to answer with.</summary>
    internal (string? Query, GraphQLError? Error) Resolve(GraphQLRequest request)
    {
        var hash = (request.Extensions?.GetValueOrDefault("persistedQuery") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("sha256Hash") as string;
        if (hash is null)
        {
            if (TrustedOnly && (request.Query is null || !_byHash.ContainsKey(Hash(request.Query))))
            {
                return (null, new GraphQLError("Only trusted documents may be executed.", extensions: GraphQLError.CodeOf(ErrorCodes.PersistedQueryNotFound)));
            }
            return (request.Query, null);
        }
        if (request.Query is not null)
        {
            if (!string.Equals(Hash(request.Query), hash, StringComparison.OrdinalIgnoreCase))
            {
                return (null, new GraphQLError("provided sha does not match query", extensions: GraphQLError.CodeOf(ErrorCodes.BadRequest)));
            }
            if (TrustedOnly && !_byHash.ContainsKey(hash))
            {
                return (null, new GraphQLError("Only trusted documents may be executed.", extensions: GraphQLError.CodeOf(ErrorCodes.PersistedQueryNotFound)));
            }
            Register(request.Query);
            return (request.Query, null);
        }
        return TryGet(hash, out var document)
            ? (document, null)
            : (null, new GraphQLError("PersistedQueryNotFound", extensions: GraphQLError.CodeOf(ErrorCodes.PersistedQueryNotFound)));
    }
}
