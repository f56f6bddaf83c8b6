using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;
using ProfileHub.GraphQL.Execution;

namespace ProfileHub.Server.Api.Profiles;

/// <summary>
/// An identifier typed by an API user, normalized exactly as ingestion normalizes the source's (the same
/// IdentifierDraft factories), so "  Jane.Doe@Example.COM " finds jane.doe@example.com. A hashed kind accepts
/// either the SHA-256 hex or the clear value, which is hashed here the way ad platforms hash it.
/// </summary>
internal static class IdentifierLookup
{
    public static string Normalize(IdentifierKind kind, string value)
    {
        var normalized = kind switch
        {
            IdentifierKind.Email => IdentifierDraft.Email(value)?.Normalized,
            IdentifierKind.Phone => IdentifierDraft.Phone(value, defaultRegion: null)?.Normalized,
            IdentifierKind.HashedEmail => IdentifierDraft.HashedEmail(value)?.Normalized
                ?? (EmailNormalizer.Normalize(value) is { } email ? IdentifierHash.HashEmail(email) : null),
            IdentifierKind.HashedPhone => IdentifierDraft.HashedPhone(value)?.Normalized
                ?? (PhoneNormalizer.Normalize(value, null) is { IsValid: true } phone ? IdentifierHash.HashPhone(phone) : null),
            _ => IdentifierDraft.Key(kind, value)?.Normalized,
        };
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
