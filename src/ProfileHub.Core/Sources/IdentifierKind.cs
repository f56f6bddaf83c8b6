namespace ProfileHub.Core.Sources;

public enum IdentifierKind
{
    Email,
    Phone,
    ExternalId,
    LoyaltyId,
    SocialHandle,

    /// <summary>SHA-256 of a normalized email, as ad platforms send it (Meta's `em`).</summary>
    HashedEmail,

    /// <summary>SHA-256 of a normalized phone, as ad platforms send it (Meta's `ph`).</summary>
    HashedPhone,

    /// <summary>A device or cookie id (Segment anonymousId, Meta fbc): links events, weak for people.</summary>
    AnonymousId,
    NationalId,
}
