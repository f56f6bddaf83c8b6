using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Profiles;

/// <summary>
/// The identity attributes: <see cref="AttributeName"/> is the one list; these are its names as profiles store
/// them and as `profilehub resolve --map` and the file connector's `columns` read them (docs/domain.md,
/// "profilehub resolve"), and the one rule of which attributes hold several values.
/// </summary>
public static class AttributeNames
{
    public const string FirstName = nameof(AttributeName.FirstName);
    public const string LastName = nameof(AttributeName.LastName);
    public const string FullName = nameof(AttributeName.FullName);
    public const string Email = nameof(AttributeName.Email);
    public const string Phone = nameof(AttributeName.Phone);
    public const string StreetNumber = nameof(AttributeName.StreetNumber);
    public const string Street = nameof(AttributeName.Street);
    public const string AddressLine2 = nameof(AttributeName.AddressLine2);
    public const string City = nameof(AttributeName.City);
    public const string Region = nameof(AttributeName.Region);
    public const string PostalCode = nameof(AttributeName.PostalCode);
    public const string Country = nameof(AttributeName.Country);
    public const string BirthDate = nameof(AttributeName.BirthDate);
    public const string Gender = nameof(AttributeName.Gender);
    public const string NationalId = nameof(AttributeName.NationalId);
    public const string LoyaltyId = nameof(AttributeName.LoyaltyId);
    public const string SocialHandle = nameof(AttributeName.SocialHandle);
    public const string ExternalId = nameof(AttributeName.ExternalId);
    public const string Source = nameof(AttributeName.Source);

    /// <summary>How many attributes there are (the enum's values are 0 to Count - 1).</summary>
    public const int Count = (int)AttributeName.Source + 1;

    /// <summary>Every attribute's name, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetNames<AttributeName>();

    /// <summary>The attributes a record may hold several values of, so several source columns may map to them.</summary>
    public static IReadOnlyList<AttributeName> MultiValued { get; } = [AttributeName.Email, AttributeName.Phone];

    /// <summary>"Email and Phone", for messages that name the multi-valued attributes.</summary>
    public static string MultiValuedText { get; } = string.Join(" and ", MultiValued);

    public static bool IsMultiValued(AttributeName attribute) => MultiValued.Contains(attribute);

    /// <summary>Whether <paramref name="name"/>, written exactly as <see cref="All"/> writes it, is multi-valued.</summary>
    public static bool IsMultiValued(string name) => MultiValued.Any(a => a.ToString() == name);

    /// <summary>An attribute by name, ignoring case (`--map email=...` as well as `Email`).</summary>
    public static bool TryParse(string text, out AttributeName attribute) =>
        Enum.TryParse(text, ignoreCase: true, out attribute) && Enum.IsDefined(attribute);
}
