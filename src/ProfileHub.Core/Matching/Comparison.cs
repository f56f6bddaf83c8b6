namespace ProfileHub.Core.Matching;

/// <summary>
/// The comparisons of the Fellegi-Sunter model: one per attribute (or attribute group), each with
/// graded levels. Level 0 of every comparison means "a value is missing on either side" and weighs 0.
/// </summary>
public enum Comparison
{
    GivenName,
    FamilyName,
    BirthDate,
    Email,
    Phone,
    Address,
    City,
    PostalCode,
    NationalId,
    LoyaltyId,
    ExternalId,
    SocialHandle,
    Gender,
}

/// <summary>A comparison's levels, their readable labels, and whether its exact level is TF-adjusted.</summary>
internal sealed record ComparisonDefinition(Comparison Comparison, string Name, string[] Levels, bool TermFrequencyAdjusted)
{
    /// <summary>Levels including the null level 0.</summary>
    public int LevelCount => Levels.Length;
}

internal static class Comparisons
{
    public const int Count = (int)Comparison.Gender + 1;

    /// <summary>Bits per comparison in a packed comparison vector (<see cref="ComparisonVector"/>).</summary>
    public const int BitsPerLevel = 4;

    // Level names are what a marketer reads in an explanation; index 0 is always "missing".
    public static readonly ComparisonDefinition[] All =
    [
        new(Comparison.GivenName, "first name", ["missing", "exact", "nickname", "very similar", "similar", "initial", "different"], true),
        new(Comparison.FamilyName, "last name", ["missing", "exact", "very similar", "similar", "different"], true),
        // Ordered strongest first: a pair takes the first level that holds. Typos are digit edits of the
        // yyyyMMdd form (so they also reach impossible dates kept as text); the day distances catch
        // shifted dates (a wrong day picked in a form, a record keyed from a rough age).
        new(Comparison.BirthDate, "birth date", ["missing", "exact", "one typo apart", "day and month swapped", "within a month", "two typos apart", "within a year", "within ten years", "different"], false),
        new(Comparison.Email, "email", ["missing", "exact", "same Gmail account", "similar mailbox", "different"], true),
        new(Comparison.Phone, "phone", ["missing", "exact", "one digit apart", "different"], true),
        // Street number and street are one comparison: they describe one fact, and counting them
        // twice would let a shared address outweigh different first names (households).
        new(Comparison.Address, "street address", ["missing", "same", "same street, number missing", "same number, similar street", "same street, different number", "different"], false),
        new(Comparison.City, "city", ["missing", "exact", "similar", "different"], true),
        new(Comparison.PostalCode, "postal code", ["missing", "exact", "one typo apart", "different"], true),
        new(Comparison.NationalId, "national id", ["missing", "exact", "one typo apart", "different"], false),
        new(Comparison.LoyaltyId, "loyalty id", ["missing", "exact", "different"], false),
        new(Comparison.ExternalId, "external id", ["missing", "exact", "different"], false),
        new(Comparison.SocialHandle, "social handle", ["missing", "exact", "different"], false),
        new(Comparison.Gender, "gender", ["missing", "same", "different"], false),
    ];

    public static ComparisonDefinition Get(Comparison comparison) => All[(int)comparison];
}

/// <summary>Packs one level per comparison into 4 bits of a ulong (13 comparisons = 52 bits).</summary>
internal static class ComparisonVector
{
    public static int Level(ulong vector, int comparison) =>
        (int)((vector >> (comparison * Comparisons.BitsPerLevel)) & 0xF);

    public static ulong With(ulong vector, int comparison, int level) =>
        vector | ((ulong)level << (comparison * Comparisons.BitsPerLevel));
}
