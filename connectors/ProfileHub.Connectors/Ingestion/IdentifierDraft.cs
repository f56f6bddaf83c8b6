using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// One identifier of a source record, with the normalized form matching compares. Build it with the
/// factory methods, which use <see cref="IdentifierNormalizer"/> (never a connector's own rules), and return
/// null for a value that is not an identifier of that kind (an email without '@', an unreadable phone).
/// </summary>
public sealed record IdentifierDraft(IdentifierKind Kind, string Raw, string Normalized)
{
    public static IdentifierDraft? Email(string? raw) => Of(IdentifierKind.Email, raw, IdentifierNormalizer.Email(raw));

    /// <summary>A phone in E.164; defaultRegion (ISO alpha-2) reads numbers written nationally.</summary>
    public static IdentifierDraft? Phone(string? raw, string? defaultRegion) =>
        Of(IdentifierKind.Phone, raw, IdentifierNormalizer.Phone(raw, defaultRegion));

    /// <summary>An already hashed email (Meta <c>em</c>): SHA-256 hex, compared lower-case.</summary>
    public static IdentifierDraft? HashedEmail(string? sha256Hex) => Of(IdentifierKind.HashedEmail, sha256Hex, IdentifierNormalizer.Sha256(sha256Hex));

    /// <summary>An already hashed phone (Meta <c>ph</c>): SHA-256 hex, compared lower-case.</summary>
    public static IdentifierDraft? HashedPhone(string? sha256Hex) => Of(IdentifierKind.HashedPhone, sha256Hex, IdentifierNormalizer.Sha256(sha256Hex));

    /// <summary>An opaque key (user id, member id, handle, cookie id): trimmed, compared as written.</summary>
    public static IdentifierDraft? Key(IdentifierKind kind, string? raw) => Of(kind, raw, IdentifierNormalizer.Key(raw));

    private static IdentifierDraft? Of(IdentifierKind kind, string? raw, string? normalized) =>
        normalized is null ? null : new IdentifierDraft(kind, raw!.Trim(), normalized);
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
