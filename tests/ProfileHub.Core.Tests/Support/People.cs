using System.Globalization;
using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Support;

/// <summary>Builds source records and a seeded background population for matching tests.</summary>
internal static class People
{
    private static readonly string[] Given =
    [
        "oliver", "amelia", "harry", "isla", "jack", "ava", "george", "mia", "noah", "emily", "leo", "grace",
        "oscar", "freya", "arthur", "lily", "henry", "ella", "theo", "ivy", "lucas", "zara", "felix", "ruby",
    ];

    private static readonly string[] Family =
    [
        "abernathy", "blackwood", "castellano", "dunmore", "eastwick", "fairbanks", "gallagher", "hollis",
        "ingram", "jardine", "kowalski", "lindqvist", "montague", "northcott", "okafor", "pemberton",
        "quinlan", "ravensworth", "sinclair", "thornbury", "underhill", "vasquez", "whitlock", "yardley",
    ];

    private static readonly string[] Streets = ["road", "lane", "street", "close", "way"];

    private static readonly string[] Cities = ["london", "leeds", "york", "bristol", "norwich", "exeter"];

    public static MatchInput Record(
        string id,
        string? first = null,
        string? last = null,
        string? email = null,
        string? phone = null,
        string? birthDate = null,
        string? street = null,
        string? city = null,
        string? postcode = null,
        string? nationalId = null) =>
        new MatchInput(id)
            .Set(AttributeName.FirstName, first)
            .Set(AttributeName.LastName, last)
            .Set(AttributeName.Email, email)
            .Set(AttributeName.Phone, phone)
            .Set(AttributeName.BirthDate, birthDate)
            .Set(AttributeName.Street, street)
            .Set(AttributeName.City, city)
            .Set(AttributeName.PostalCode, postcode)
            .Set(AttributeName.NationalId, nationalId)
            .Set(AttributeName.Country, "GB");

    /// <summary>
    /// Distinct people, most with a second, lightly corrupted record (so EM has matches to learn from).
    /// </summary>
    public static List<MatchInput> Background(int people, int seed = 1)
    {
        var random = new Random(seed);
        var records = new List<MatchInput>();
        for (var p = 0; p < people; p++)
        {
            var first = Given[random.Next(Given.Length)];
            var last = Family[random.Next(Family.Length)];
            var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(50 * 365));
            var email = $"{first}.{last}.{p}@example.org";
            var phone = "+447700" + (100_000 + p).ToString(CultureInfo.InvariantCulture);
            var street = $"{random.Next(1, 200)} {Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]} {Streets[random.Next(Streets.Length)]}";
            var city = Cities[random.Next(Cities.Length)];
            var postcode = $"SW{random.Next(1, 20)} {random.Next(1, 9)}AB";
            var id = "bg-" + p.ToString(CultureInfo.InvariantCulture);
            records.Add(Record(id + "-a", first, last, email, phone, birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), street, city, postcode));
            if (random.NextDouble() < 0.7)
            {
                var typoLast = random.NextDouble() < 0.3 ? last[..^1] + "e" : last;
                records.Add(Record(id + "-b", first, typoLast, random.NextDouble() < 0.5 ? email : null, phone, birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), street, city, postcode));
            }
        }

        return records;
    }

    /// <summary>The ids grouped by profile, as a set of sets (order-free), for comparing partitions.</summary>
    public static HashSet<string> Partition(IEnumerable<(string RecordId, string ProfileId)> assignments) =>
        [.. assignments.GroupBy(a => a.ProfileId).Select(g => string.Join("|", g.Select(a => a.RecordId).Order(StringComparer.Ordinal)))];
}
