namespace ProfileHub.Core.Matching;

/// <summary>
/// The attributes a source column can be mapped to (the `profilehub resolve --map column=Attribute`
/// contract in docs/domain.md). Email and Phone are multi-valued; every other attribute holds one value.
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

internal static class AttributeNames
{
    public const int Count = (int)AttributeName.Source + 1;

    public static bool IsMultiValued(AttributeName attribute) =>
        attribute is AttributeName.Email or AttributeName.Phone;

    public static bool TryParse(string text, out AttributeName attribute) =>
        Enum.TryParse(text, ignoreCase: true, out attribute) && Enum.IsDefined(attribute);
}
