using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// One identifier of a source record, with the normalized form matching compares. Build it with the
/// factory methods, which use ProfileHub.Core.Normalization (never a connector's own rules), and return
/// null for a value that is not an identifier of that kind (an email without '@', an unreadable phone).
/// </summary>
public sealed record IdentifierDraft(IdentifierKind Kind, string Raw, string Normalized)
{
    public static IdentifierDraft? Email(string? raw) =>
        EmailNormalizer.Normalize(raw) is { } email ? new IdentifierDraft(IdentifierKind.Email, raw!.Trim(), email.Value) : null;

    /// <summary>A phone in E.164; defaultRegion (ISO alpha-2) reads numbers written nationally.</summary>
    public static IdentifierDraft? Phone(string? raw, string? defaultRegion) =>
        PhoneNormalizer.Normalize(raw, defaultRegion) is { IsValid: true, E164: { } e164 } ? new IdentifierDraft(IdentifierKind.Phone, raw!.Trim(), e164) : null;

    /// <summary>An already hashed email (Meta <c>em</c>): SHA-256 hex, compared lower-case.</summary>
    public static IdentifierDraft? HashedEmail(string? sha256Hex) => Hash(IdentifierKind.HashedEmail, sha256Hex);

    /// <summary>An already hashed phone (Meta <c>ph</c>): SHA-256 hex, compared lower-case.</summary>
    public static IdentifierDraft? HashedPhone(string? sha256Hex) => Hash(IdentifierKind.HashedPhone, sha256Hex);

    /// <summary>An opaque key (user id, member id, handle, cookie id): trimmed, compared as written.</summary>
    public static IdentifierDraft? Key(IdentifierKind kind, string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? null : new IdentifierDraft(kind, raw.Trim(), raw.Trim());

    private static IdentifierDraft? Hash(IdentifierKind kind, string? hex)
    {
        var trimmed = hex?.Trim();
        return trimmed is { Length: 64 } && trimmed.All(char.IsAsciiHexDigit)
            ? new IdentifierDraft(kind, trimmed, trimmed.ToLowerInvariant())
            : null;
    }
}

/// <summary>What the source says about consent on one channel (Mailchimp status, SendGrid group unsubscribe).</summary>
public sealed record ConsentDraft(ConsentChannel Channel, ConsentStatus Status, DateTimeOffset ObservedAt, string? Scope = null);

/// <summary>A postal address as the source wrote it; normalization happens at matching time.</summary>
public sealed record AddressDraft
{
    public string? StreetNumber { get; init; }

    public string? Street { get; init; }

    public string? AddressLine2 { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2 where the source gives a country (normalized by the pipeline).</summary>
    public string? Country { get; init; }

    public bool IsEmpty => StreetNumber is null && Street is null && AddressLine2 is null && City is null && Region is null && PostalCode is null && Country is null;
}
