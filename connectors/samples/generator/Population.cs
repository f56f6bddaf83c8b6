using Bogus;

namespace ProfileHub.SampleData;

/// <summary>
/// The seeded population: households share a phone, some people changed their email address. Person 1 is Jane
/// Doe, the customer README.md's examples look up.
/// </summary>
internal static class Population
{
    public static IReadOnlyList<Person> Create(int count, int seed)
    {
        var faker = new Faker("en_US") { Random = new Randomizer(seed) };
        var people = new List<Person>(count);
        for (var n = 1; n <= count; n++)
        {
            var previous = people.Count > 0 ? people[^1] : null;

            // About one in ten shares a household (surname, address, landline) with the person before.
            var household = previous is not null && faker.Random.Number(99) < 10;
            var first = n == 1 ? "Jane" : faker.Name.FirstName();
            var last = n == 1 ? "Doe" : household ? previous!.LastName : faker.Name.LastName();
            var domain = faker.PickRandom("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "example.com");
            var email = n == 1 ? "jane.doe@example.com" : $"{first}.{last}{faker.Random.Number(1, 99)}@{domain}".ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal);
            var oldEmail = faker.Random.Number(99) < 10 ? $"{first[0]}{last}@{faker.PickRandom("aol.com", "hotmail.com")}".ToLowerInvariant() : null;
            var phone = household ? previous!.Phone : $"+1{faker.Random.Number(201, 989)}{faker.Random.Number(200, 999)}{faker.Random.Number(1000, 9999)}";
            people.Add(new Person(
                n,
                first,
                last,
                email,
                oldEmail,
                phone,
                DateOnly.FromDateTime(faker.Date.Between(new DateTime(1950, 1, 1), new DateTime(2004, 12, 31))),
                household ? previous!.Street : faker.Address.StreetAddress(),
                household ? previous!.City : faker.Address.City(),
                household ? previous!.Region : faker.Address.StateAbbr(),
                household ? previous!.PostalCode : faker.Address.ZipCode("#####")));
        }

        return people;
    }
}
