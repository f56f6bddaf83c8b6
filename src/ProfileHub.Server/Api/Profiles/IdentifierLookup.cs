using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;
using ProfileHub.GraphQL.Execution;

namespace ProfileHub.Server.Api.Profiles;

/// <summary>
/// An identifier typed by an API user, normalized by the rule ingestion uses (IdentifierNormalizer), so
/// "  Jane.Doe@Example.COM " finds jane.doe@example.com. A hashed kind accepts either the SHA-256 hex or the
/// clear value, which is hashed the way ad platforms hash it.
/// </summary>
internal static class IdentifierLookup
{
    public static string Normalize(IdentifierKind kind, string value)
    {
        var normalized = IdentifierNormalizer.Normalize(kind, value);
        return normalized ?? throw new GraphQLException(
            kind switch
            {
                IdentifierKind.Phone or IdentifierKind.HashedPhone => $"\"{value}\" is not a phone number ProfileHub can read: write it in international form (+44 20 7946 0958).",
                _ => $"\"{value}\" is not a valid {kind} identifier.",
            },
            ErrorCodes.BadUserInput,
            new Dictionary<string, object?> { ["argument"] = "value" });
    }
}
