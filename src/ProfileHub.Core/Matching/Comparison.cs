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

/// <summary>
/// How the exact level of a comparison is weighted for the value the two records actually share, instead of
/// the level's average: the one place that says which attributes are names, places or personal identifiers.
/// </summary>
internal enum ValueWeighting
{
    /// <summary>The level's own log2(m/u).</summary>
    None,

    /// <summary>
    /// A value many people hold (a name, a city): Splink's term-frequency adjustment, log2(m / frequency of
    /// the value). A shared "smith" is weak evidence, a shared "zbigniewski" strong.
    /// </summary>
    Frequency,

    /// <summary>
    /// A value that normally belongs to one person (a mailbox, a loyalty id) or a few (a household's phone):
    /// weighted by how many different people hold it in this data (<see cref="TermFrequencies.People"/>),
    /// not by how many records do. A mailbox on five records of one person is as strong as on one; a
    /// mailbox held by several people is a junk or family value and weighs little or nothing.
    /// </summary>
    Holders,
}

/// <summary>A comparison's levels, their readable labels, and how its exact level is weighted.</summary>
internal sealed record ComparisonDefinition(Comparison Comparison, string Name, string[] Levels, ValueWeighting Weighting)
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
        new(Comparison.GivenName, "first name", ["missing", "exact", "nickname", "very similar", "similar", "initial", "different"], ValueWeighting.Frequency),
        // "one of two surnames": García against García López (Spanish naming, where many systems keep only the first).
        new(Comparison.FamilyName, "last name", ["missing", "exact", "one of two surnames", "very similar", "similar", "different"], ValueWeighting.Frequency),
        // Ordered strongest first: a pair takes the first level that holds. Typos are digit edits of the
        // yyyyMMdd form (so they also reach impossible dates kept as text); the day distances catch
        // shifted dates (a wrong day picked in a form, a record keyed from a rough age).
        new(Comparison.BirthDate, "birth date", ["missing", "exact", "one typo apart", "day and month swapped", "within a month", "two typos apart", "within a year", "within ten years", "different"], ValueWeighting.None),
        // "same mailbox name elsewhere" (d.johnson@starkcorp.com / d.johnson@initech.com) is its own level:
        // a work address's local part is shared by everyone with that initial and surname, so it must not
        // weigh like one mailbox mistyped.
        new(Comparison.Email, "email", ["missing", "exact", "same Gmail account", "similar mailbox", "same mailbox name elsewhere", "different"], ValueWeighting.Holders),
        new(Comparison.Phone, "phone", ["missing", "exact", "one digit apart", "different"], ValueWeighting.Holders),
        // Street number and street are one comparison: they describe one fact, and counting them
        // twice would let a shared address outweigh different first names (households).
        new(Comparison.Address, "street address", ["missing", "same", "same street, number missing", "same number, similar street", "same street, different number", "different"], ValueWeighting.None),
        new(Comparison.City, "city", ["missing", "exact", "similar", "different"], ValueWeighting.Frequency),
        // "same district": records that give a postcode near the person rather than their own (a register's
        // parish, a form's "area") still agree on the district.
        new(Comparison.PostalCode, "postal code", ["missing", "exact", "one typo apart", "same district", "different"], ValueWeighting.Frequency),
        new(Comparison.NationalId, "national id", ["missing", "exact", "one typo apart", "different"], ValueWeighting.Holders),
        new(Comparison.LoyaltyId, "loyalty id", ["missing", "exact", "different"], ValueWeighting.Holders),
        new(Comparison.ExternalId, "external id", ["missing", "exact", "different"], ValueWeighting.Holders),
        new(Comparison.SocialHandle, "social handle", ["missing", "exact", "different"], ValueWeighting.Holders),
        new(Comparison.Gender, "gender", ["missing", "same", "different"], ValueWeighting.None),
    ];

    public static ComparisonDefinition Get(Comparison comparison) => All[(int)comparison];
}

/// <summary>
/// Packs one level per comparison into 4 bits of a ulong (13 comparisons = 52 bits), and in bit 60 whether
/// the names were compared crosswise (entered the wrong way round on one side).
/// </summary>
internal static class ComparisonVector
{
    /// <summary>The bits that hold levels: what EM groups vectors by.</summary>
    public const ulong LevelBits = (1UL << (Comparisons.Count * Comparisons.BitsPerLevel)) - 1;

    private const ulong SwappedBit = 1UL << 60;

    public static bool NamesSwapped(ulong vector) => (vector & SwappedBit) != 0;

    public static ulong WithNamesSwapped(ulong vector) => vector | SwappedBit;

    public static int Level(ulong vector, int comparison) =>
        (int)((vector >> (comparison * Comparisons.BitsPerLevel)) & 0xF);

    public static ulong With(ulong vector, int comparison, int level) =>
        vector | ((ulong)level << (comparison * Comparisons.BitsPerLevel));
}
