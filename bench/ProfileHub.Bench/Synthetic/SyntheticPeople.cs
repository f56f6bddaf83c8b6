using System.Globalization;
using Bogus;
using CsvHelper;

namespace ProfileHub.Bench.Synthetic;

/// <summary>One generated source record and the person it truly belongs to.</summary>
internal sealed record SyntheticRecord(
    string RecordId,
    string PersonId,
    string Source,
    string? FirstName,
    string? LastName,
    string? FullName,
    string? Email,
    string? Phone,
    string? StreetNumber,
    string? Street,
    string? City,
    string? PostalCode,
    string? BirthDate,
    string? LoyaltyId);

/// <summary>
/// A seeded multi-channel customer set with known truth and the traps of real CDP data: junk emails
/// (test@test.com), a shop's phone typed in for walk-in customers, households sharing a landline and an
/// address, very common names, nicknames, typos, moved addresses, married names and Gmail dot variants.
/// </summary>
internal static class SyntheticPeople
{
    public static readonly string[] Header =
    [
        "record_id", "person_id", "source", "first_name", "last_name", "full_name", "email", "phone",
        "street_number", "street", "city", "postcode", "country", "birth_date", "loyalty_id",
    ];

    public static readonly string[] ResolveMap =
    [
        "source=Source", "first_name=FirstName", "last_name=LastName", "full_name=FullName", "email=Email",
        "phone=Phone", "street_number=StreetNumber", "street=Street", "city=City", "postcode=PostalCode",
        "country=Country", "birth_date=BirthDate", "loyalty_id=LoyaltyId",
    ];

    private static readonly string[] JunkEmails = ["test@test.com", "noemail@example.com", "none@none.com", "a@a.com"];
    private static readonly string[] ShopPhones = ["(212) 555-0100", "(312) 555-0199", "(415) 555-0142"];
    private static readonly string[] CommonFirst = ["john", "michael", "mary", "jennifer", "james", "linda"];
    private static readonly string[] CommonLast = ["smith", "johnson", "williams", "brown", "jones"];
    private static readonly string[] Domains = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com"];
    private static readonly string[] Channels = ["web", "loyalty", "support", "shop", "ads"];

    private static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["robert"] = ["bob", "rob"], ["william"] = ["bill", "will"], ["elizabeth"] = ["liz", "beth"],
        ["james"] = ["jim"], ["michael"] = ["mike"], ["katherine"] = ["kate"], ["margaret"] = ["peggy"],
        ["thomas"] = ["tom"], ["david"] = ["dave"], ["christopher"] = ["chris"], ["jennifer"] = ["jen"],
        ["richard"] = ["rick"], ["joseph"] = ["joe"], ["daniel"] = ["dan"], ["matthew"] = ["matt"],
        ["anthony"] = ["tony"], ["patricia"] = ["pat"], ["susan"] = ["sue"],
    };

    private sealed class Person
    {
        public required string Id;
        public required string First;
        public required string Last;
        public string? MarriedLast;
        public required DateOnly Birth;
        public required string Email;
        public required string Mobile;
        public string? Landline;
        public required (string Number, string Street, string City, string Zip) Address;
        public (string Number, string Street, string City, string Zip)? NewAddress;
        public required string LoyaltyId;
    }

    public static List<SyntheticRecord> Generate(int people, int seed)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var random = faker.Random;
        var records = new List<SyntheticRecord>((int)(people * 2.3));
        var recordNumber = 0;
        var personNumber = 0;
        while (personNumber < people)
        {
            // A household: people sharing an address and a landline, mostly a family name.
            var householdSize = random.Double() < 0.25 ? random.Int(2, 4) : 1;
            var address = NewAddress(faker);
            var landline = householdSize > 1 ? NewPhone(random) : null;
            var familyName = Name(faker, random, last: true);
            var taken = new List<string>();
            for (var h = 0; h < householdSize && personNumber < people; h++)
            {
                var person = NewPerson(faker, random, personNumber++, householdSize > 1 && random.Double() < 0.85 ? familyName : null, address, landline);

                // Families do not give two members the same (or a nickname-related) first name.
                while (taken.Any(t => t[..2] == person.First[..2]))
                {
                    person = NewPerson(faker, random, personNumber - 1, person.Last, address, landline);
                }

                taken.Add(person.First);
                var count = random.WeightedRandom([1, 2, 3, 4], [0.35f, 0.30f, 0.20f, 0.15f]);
                for (var r = 0; r < count; r++)
                {
                    records.Add(NewRecord(random, person, recordNumber++, later: r > 0));
                }
            }
        }

        // Arrival order is not grouped by person.
        var shuffled = records.ToArray();
        new Random(seed).Shuffle(shuffled);
        return [.. shuffled];
    }

    private static Person NewPerson(Faker faker, Randomizer random, int number, string? familyName, (string, string, string, string) address, string? landline)
    {
        var female = random.Bool();
        var first = random.Double() < 0.08
            ? random.ArrayElement(CommonFirst)
            : random.Double() < 0.1 ? random.ArrayElement([.. Nicknames.Keys]) : faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male).ToLowerInvariant();
        var last = familyName ?? Name(faker, random, last: true);
        var emailLocal = random.Int(0, 3) switch
        {
            0 => $"{first}.{last}",
            1 => $"{first[0]}{last}{random.Int(1, 999)}",
            2 => $"{first}{random.Int(10, 9999)}",
            _ => $"{last}.{first}{random.Int(1, 99)}",
        };
        return new Person
        {
            Id = "person-" + number.ToString(CultureInfo.InvariantCulture),
            First = first,
            Last = last,
            MarriedLast = female && random.Double() < 0.1 ? Name(faker, random, last: true) : null,
            Birth = DateOnly.FromDayNumber(new DateOnly(1940, 1, 1).DayNumber + random.Int(0, 65 * 365)),
            Email = $"{emailLocal}@{random.ArrayElement(Domains)}",
            Mobile = NewPhone(random),
            Landline = landline,
            Address = address,
            NewAddress = random.Double() < 0.15 ? NewAddress(faker) : null,
            LoyaltyId = "L" + random.Int(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
        };
    }

    private static SyntheticRecord NewRecord(Randomizer random, Person p, int number, bool later)
    {
        var channel = random.ArrayElement(Channels);
        var first = p.First;
        if (Nicknames.TryGetValue(first, out var nicks) && random.Double() < 0.3)
        {
            first = random.ArrayElement(nicks);
        }

        if (random.Double() < 0.12)
        {
            first = Typo(random, first);
        }

        var last = later && p.MarriedLast is not null ? p.MarriedLast : p.Last;
        if (random.Double() < 0.10)
        {
            last = Typo(random, last);
        }

        var email = p.Email;
        if (random.Double() < 0.04)
        {
            email = random.ArrayElement(JunkEmails);
        }
        else if (email.EndsWith("@gmail.com", StringComparison.Ordinal) && random.Double() < 0.3)
        {
            // Gmail ignores dots and +tags: the same mailbox written differently.
            var local = email[..email.IndexOf('@')];
            email = local.Replace(".", string.Empty, StringComparison.Ordinal) + "+shop@gmail.com";
        }

        var phone = random.Double() < 0.03 ? random.ArrayElement(ShopPhones)
            : p.Landline is not null && random.Double() < 0.5 ? p.Landline : p.Mobile;
        var address = later && p.NewAddress is { } moved ? moved : p.Address;
        var birth = random.Double() < 0.05 ? p.Birth.AddDays(random.Int(1, 28)) : p.Birth;
        var birthText = random.Bool()
            ? birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : birth.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var id = "r" + number.ToString(CultureInfo.InvariantCulture);
        return channel switch
        {
            "web" => new(id, p.Id, channel, first, last, null, email, null, null, null, null, null, null, null),
            "loyalty" => new(id, p.Id, channel, first, last, null, null, phone, address.Number, address.Street, address.City, address.Zip, birthText, p.LoyaltyId),
            "support" => new(id, p.Id, channel, null, null, $"{Cap(first)} {Cap(last)}", email, phone, null, null, null, null, null, null),
            "shop" => new(id, p.Id, channel, first, last, null, email, phone, address.Number, address.Street, address.City, address.Zip, null, null),
            _ => new(id, p.Id, channel, first, last, null, email, null, null, null, address.City, address.Zip, birthText, null),
        };
    }

    public static byte[] ToCsv(IEnumerable<SyntheticRecord> records)
    {
        using var stream = new MemoryStream();
        Write(stream, records);
        return stream.ToArray();
    }

    public static void Write(Stream stream, IEnumerable<SyntheticRecord> records)
    {
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.None }, leaveOpen: true);
        csv.WriteRecord(Header);
        foreach (var r in records)
        {
            csv.WriteRecord([r.RecordId, r.PersonId, r.Source, r.FirstName, r.LastName, r.FullName, r.Email, r.Phone, r.StreetNumber, r.Street, r.City, r.PostalCode, "US", r.BirthDate, r.LoyaltyId]);
        }
    }

    private static string Name(Faker faker, Randomizer random, bool last) =>
        random.Double() < 0.08 ? random.ArrayElement(CommonLast) : faker.Name.LastName().ToLowerInvariant();

    private static (string, string, string, string) NewAddress(Faker faker) =>
        (faker.Random.Int(1, 9999).ToString(CultureInfo.InvariantCulture), faker.Address.StreetName(), faker.Address.City(), faker.Address.ZipCode("#####"));

    private static string NewPhone(Randomizer random) => string.Create(
        CultureInfo.InvariantCulture,
        $"({random.Int(2, 9)}{random.Int(0, 9)}{random.Int(1, 9)}) {random.Int(200, 999)}-{random.Int(0, 9999):0000}");

    private static string Typo(Randomizer random, string value)
    {
        if (value.Length < 3)
        {
            return value;
        }

        var chars = value.ToCharArray();
        var i = random.Int(1, chars.Length - 2);
        switch (random.Int(0, 2))
        {
            case 0:
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                return new string(chars);
            case 1:
                chars[i] = (char)random.Int('a', 'z');
                return new string(chars);
            default:
                return value.Remove(i, 1);
        }
    }

    private static string Cap(string value) => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..];
}
