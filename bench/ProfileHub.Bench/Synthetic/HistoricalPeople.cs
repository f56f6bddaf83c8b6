using System.Globalization;
using Bogus;
using CsvHelper;

namespace ProfileHub.Bench.Synthetic;

/// <summary>
/// A seeded set of historical persons transcribed several times from registers and biographies, with ground truth:
/// issue 13's "historical persons with transcription errors" (name, birth date, birth place, postcode, gender; no
/// identifier at all, so every link rests on names, a date and places). Each person has 1 to 12 records (mean about
/// 5). First names are concentrated as in old registers (William, John, Mary, Elizabeth lead), surnames have a long
/// tail. A transcription mistypes names, writes a nickname, an initial or the middle name too, leaves fields out (the
/// birth date on one record in five), swaps given name and surname now and then, mistypes or shifts the birth date (a
/// digit, day and month swapped, the year off by up to ten), writes the birth place with a slip or names the
/// neighbouring town, and gives a postcode somewhere in the birth place's district rather than one address.
/// The same people and seed give byte-identical CSV.
/// </summary>
internal static class HistoricalPeople
{
    public static readonly string[] Header =
        ["record_id", "person_id", "first_name", "surname", "dob", "birth_place", "postcode", "gender"];

    public static readonly string[] ResolveMap =
        ["first_name=FirstName", "surname=LastName", "dob=BirthDate", "birth_place=City", "postcode=PostalCode", "gender=Gender"];

    // The digits of yyyy-MM-dd a clerk may mistype: the century stays.
    private static readonly int[] DateDigits = [2, 3, 5, 6, 8, 9];

    private static readonly WeightedPool<int> RecordsPerPerson = new([1, 2, 3, 4, 5, 6, 7, 8, 10, 12], [10, 12, 14, 14, 12, 10, 9, 7, 7, 5]);

    private static readonly (string Name, string[] Nicknames)[] Nicknames =
    [
        ("william", ["will", "bill"]), ("john", ["jack"]), ("thomas", ["tom"]), ("james", ["jim"]), ("robert", ["bob", "rob"]),
        ("richard", ["dick"]), ("charles", ["charlie"]), ("edward", ["ted", "ned"]), ("henry", ["harry", "hal"]),
        ("elizabeth", ["eliza", "betty", "bess"]), ("margaret", ["peggy", "maggie"]), ("mary", ["polly", "molly"]),
        ("catherine", ["kate", "kitty"]), ("ann", ["nancy"]), ("sarah", ["sally"]), ("frederick", ["fred"]),
        ("alexander", ["alex"]), ("benjamin", ["ben"]), ("samuel", ["sam"]), ("joseph", ["joe"]),
    ];

    public static List<HistoricalRecord> Generate(int people, int seed)
    {
        var random = new Randomizer(seed);
        var females = WeightedPool<string>.Zipf(CustomerBasePools.BogusNames("female_first_name", 250), 1.1, 1.5);
        var males = WeightedPool<string>.Zipf(CustomerBasePools.BogusNames("male_first_name", 250), 1.1, 1.5);
        var surnames = WeightedPool<string>.Zipf(Surnames(), 0.8, 20);
        var places = WeightedPool<(string Town, string District)>.Zipf(Places(random), 1.0, 2);
        var nicknames = Nicknames.ToDictionary(n => n.Name, n => n.Nicknames, StringComparer.Ordinal);
        var records = new List<HistoricalRecord>(people * 6);
        for (var p = 0; p < people; p++)
        {
            var female = random.Bool();
            var names = female ? females : males;
            var person = new Person(
                CustomerBase.Id('h', p),
                names.Sample(random),
                names.Sample(random),
                surnames.Sample(random),
                new DateOnly(random.Int(1600, 1950), random.Int(1, 12), random.Int(1, 28)),
                places.Sample(random),
                places.Sample(random).Town,
                female ? "female" : "male");
            var count = RecordsPerPerson.Sample(random);
            for (var r = 0; r < count; r++)
            {
                records.Add(Transcribe(random, person, nicknames.GetValueOrDefault(person.First)));
            }
        }

        CustomerBase.Shuffle(random, records);
        for (var i = 0; i < records.Count; i++)
        {
            records[i] = records[i] with { RecordId = CustomerBase.Id('r', i) };
        }

        return records;
    }

    public static byte[] ToCsv(IEnumerable<HistoricalRecord> records)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.None }, leaveOpen: true))
        {
            csv.WriteRecord(Header);
            foreach (var r in records)
            {
                csv.WriteRecord([r.RecordId, r.PersonId, r.FirstName, r.Surname, r.BirthDate, r.BirthPlace, r.PostalCode, r.Gender]);
            }
        }

        return stream.ToArray();
    }

    private static HistoricalRecord Transcribe(Randomizer random, Person person, string[]? nicknames)
    {
        var roll = random.Double();
        var first = roll < 0.07 && nicknames is not null ? random.ArrayElement(nicknames)
            : roll < 0.12 ? person.First[..1]
            : roll < 0.17 ? null
            : roll < 0.27 ? CustomerText.Typo(random, person.First)
            : roll < 0.37 ? person.First + " " + person.Middle
            : person.First;
        roll = random.Double();
        var surname = roll < 0.03 ? null : roll < 0.13 ? CustomerText.Typo(random, person.Surname) : person.Surname;
        if (random.Double() < 0.02)
        {
            (first, surname) = (surname, first);
        }

        return new HistoricalRecord(
            string.Empty,
            person.Id,
            first is null ? null : CustomerText.Cased(first, NameCase.Title),
            surname is null ? null : CustomerText.Cased(surname, NameCase.Title),
            BirthDate(random, person.Birth),
            Place(random, person),
            random.Double() < 0.3 ? null : $"{person.Place.District} {random.Int(1, 9)}{(char)random.Int('A', 'Z')}{(char)random.Int('A', 'Z')}",
            random.Double() < 0.15 ? null : random.Double() < 0.01 ? (person.Gender == "male" ? "female" : "male") : person.Gender);
    }

    /// <summary>The birth place as written: missing, with a slip, or the neighbouring town (another source's granularity).</summary>
    private static string? Place(Randomizer random, Person person)
    {
        var roll = random.Double();
        return roll < 0.15 ? null
            : roll < 0.25 ? CustomerText.Typo(random, person.Place.Town)
            : roll < 0.35 ? person.Neighbour
            : person.Place.Town;
    }

    /// <summary>Exact most of the time; else missing, a digit mistyped, day and month swapped, or the year off.</summary>
    private static string? BirthDate(Randomizer random, DateOnly birth)
    {
        var roll = random.Double();
        if (roll < 0.20)
        {
            return null;
        }

        var text = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (roll < 0.28)
        {
            var i = random.ArrayElement(DateDigits);
            var digit = (char)('0' + ((text[i] - '0' + random.Int(1, 9)) % 10));
            var typed = string.Concat(text.AsSpan(0, i), digit.ToString(), text.AsSpan(i + 1));
            return DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? typed : text;
        }

        if (roll < 0.33 && birth.Day <= 12)
        {
            return new DateOnly(birth.Year, birth.Day, birth.Month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return roll < 0.40 ? birth.AddYears(random.Int(1, 10) * (random.Bool() ? 1 : -1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : text;
    }

    /// <summary>Bogus's English surnames, lower-case, letters only.</summary>
    private static List<string> Surnames() =>
        [.. CustomerBasePools.BogusList("en", "last_name").Select(n => n.ToLowerInvariant()).Where(n => n.All(char.IsAsciiLetterLower)).Distinct(StringComparer.Ordinal)];

    /// <summary>A few hundred towns, each with a postcode district (two letters and a number).</summary>
    private static List<(string Town, string District)> Places(Randomizer random)
    {
        var faker = new Faker("en_GB") { Random = random };
        var towns = new HashSet<string>(StringComparer.Ordinal);
        var places = new List<(string, string)>(400);
        while (places.Count < 400)
        {
            var town = faker.Address.City().ToLowerInvariant();
            if (towns.Add(town))
            {
                places.Add((town, string.Concat(((char)random.Int('A', 'Z')).ToString(), ((char)random.Int('A', 'Z')).ToString(), random.Int(1, 30).ToString(CultureInfo.InvariantCulture))));
            }
        }

        return places;
    }

    private sealed record Person(string Id, string First, string Middle, string Surname, DateOnly Birth, (string Town, string District) Place, string Neighbour, string Gender);
}

/// <summary>One transcription of a historical person, and who it truly is.</summary>
internal sealed record HistoricalRecord(
    string RecordId,
    string PersonId,
    string? FirstName,
    string? Surname,
    string? BirthDate,
    string? BirthPlace,
    string? PostalCode,
    string? Gender);
