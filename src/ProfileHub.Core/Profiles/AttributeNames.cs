namespace ProfileHub.Core.Profiles;

/// <summary>
/// The identity attributes, named as `profilehub resolve --map` and the file connector name them
/// (docs/domain.md, "profilehub resolve").
/// </summary>
public static class AttributeNames
{
    public const string FirstName = nameof(FirstName);
    public const string LastName = nameof(LastName);
    public const string FullName = nameof(FullName);
    public const string Email = nameof(Email);
    public const string Phone = nameof(Phone);
    public const string StreetNumber = nameof(StreetNumber);
    public const string Street = nameof(Street);
    public const string AddressLine2 = nameof(AddressLine2);
    public const string City = nameof(City);
    public const string Region = nameof(Region);
    public const string PostalCode = nameof(PostalCode);
    public const string Country = nameof(Country);
    public const string BirthDate = nameof(BirthDate);
    public const string Gender = nameof(Gender);
    public const string NationalId = nameof(NationalId);
    public const string LoyaltyId = nameof(LoyaltyId);
    public const string SocialHandle = nameof(SocialHandle);
    public const string ExternalId = nameof(ExternalId);
    public const string Source = nameof(Source);

    public static IReadOnlyList<string> All { get; } =
    [
        FirstName, LastName, FullName, Email, Phone, StreetNumber, Street, AddressLine2, City, Region,
        PostalCode, Country, BirthDate, Gender, NationalId, LoyaltyId, SocialHandle, ExternalId, Source,
    ];
}
