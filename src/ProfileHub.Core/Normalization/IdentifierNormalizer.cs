using ProfileHub.Core.Sources;

namespace ProfileHub.Core.Normalization;

/// <summary>
/// The one rule for an identifier's normalized form, the value matching, lookups and hashing compare:
/// ingestion (connector drafts), the API's identifier lookup and matching all call it, so a value typed by a
/// user finds what a connector stored. Each method returns null for a value that is not an identifier of
/// that kind (an email without '@', an unreadable phone, a hash that is not 64 hex digits).
/// </summary>
public static class IdentifierNormalizer
{
    // Matching's Email attribute also carries SHA-256 identifiers, as "hash@domain" under a reserved
    // (.invalid, RFC 2606) domain: an ad platform's hashed email then matches the plain address it was made from.
    private const string HashedEmailDomain = "@sha256-email.invalid";
    private const string HashedPhoneDomain = "@sha256-phone.invalid";

    /// <summary>
    /// The normalized form of <paramref name="value"/> as an identifier of <paramref name="kind"/>. A hashed
    /// kind accepts either the SHA-256 hex or the clear value, which is hashed the way ad platforms hash it.
    /// <paramref name="defaultRegion"/> (ISO alpha-2) reads phones written nationally.
    /// </summary>
    public static string? Normalize(IdentifierKind kind, string? value, string? defaultRegion = null) => kind switch
    {
        IdentifierKind.Email => Email(value),
        IdentifierKind.Phone => Phone(value, defaultRegion),
        IdentifierKind.HashedEmail => Sha256(value) ?? HashOfEmail(value),
        IdentifierKind.HashedPhone => Sha256(value) ?? HashOfPhone(value, defaultRegion),
        _ => Key(value),
    };

    /// <summary>The address lower-cased (<see cref="EmailNormalizer"/>).</summary>
    public static string? Email(string? raw) => EmailNormalizer.Normalize(raw)?.Value;

    /// <summary>The phone in E.164 (<see cref="PhoneNormalizer"/>); only a valid number is an identifier.</summary>
    public static string? Phone(string? raw, string? defaultRegion) =>
        PhoneNormalizer.Normalize(raw, defaultRegion) is { IsValid: true, E164: { } e164 } ? e164 : null;

    /// <summary>An already hashed value (Meta <c>em</c>/<c>ph</c>): 64 hex digits, trimmed, compared lower-case.</summary>
    public static string? Sha256(string? hex)
    {
        var trimmed = hex?.Trim();
        return trimmed is { Length: 64 } && trimmed.All(char.IsAsciiHexDigit) ? trimmed.ToLowerInvariant() : null;
    }

    /// <summary>The SHA-256 of a clear email as ad platforms hash it (<see cref="IdentifierHash.HashEmail"/>).</summary>
    public static string? HashOfEmail(string? raw) =>
        EmailNormalizer.Normalize(raw) is { } email ? IdentifierHash.HashEmail(email) : null;

    /// <summary>The SHA-256 of a clear phone as ad platforms hash it (<see cref="IdentifierHash.HashPhone"/>).</summary>
    public static string? HashOfPhone(string? raw, string? defaultRegion) =>
        PhoneNormalizer.Normalize(raw, defaultRegion) is { IsValid: true } phone ? IdentifierHash.HashPhone(phone) : null;

    /// <summary>An opaque key (user id, member id, handle, cookie id): trimmed, compared as written.</summary>
    public static string? Key(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    /// <summary>
    /// A hashed identifier as matching's Email attribute carries it: "hash@sha256-email.invalid" (or
    /// -phone), so a hashed email meets the hash of a plain one and never a real mailbox.
    /// </summary>
    public static string AsMatchingEmail(IdentifierKind hashedKind, string sha256Hex) => hashedKind switch
    {
        IdentifierKind.HashedEmail => sha256Hex + HashedEmailDomain,
        IdentifierKind.HashedPhone => sha256Hex + HashedPhoneDomain,
        _ => throw new ArgumentOutOfRangeException(nameof(hashedKind), hashedKind, "Only HashedEmail and HashedPhone are carried as hashes."),
    };
}
