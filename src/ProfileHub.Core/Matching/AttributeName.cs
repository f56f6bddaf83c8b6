namespace ProfileHub.Core.Matching;

/// <summary>
/// The attributes a source column can be mapped to (the `profilehub resolve --map column=Attribute`
/// contract in docs/domain.md). The one list of them; <see cref="Profiles.AttributeNames"/> gives their names
/// and says which are multi-valued.
/// </summary>
public enum AttributeName
{
    FirstName,
    LastName,
    FullName,
    Email,
    Phone,
    StreetNumber,
    Street,
    AddressLine2,
    City,
    Region,
    PostalCode,
    Country,
    BirthDate,
    Gender,
    NationalId,
    LoyaltyId,
    SocialHandle,
    ExternalId,
    Source,
}
