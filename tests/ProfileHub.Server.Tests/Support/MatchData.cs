using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Matching;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>One person as a source system holds them (any field may be missing).</summary>
internal sealed record Person(
    string? First = null,
    string? Last = null,
    string? Email = null,
    string? Phone = null,
    string? Birth = null,
    string? Street = null,
    string? City = null,
    string? Postcode = null);

/// <summary>
/// Source records written to a real test database for match runs, over a background population (distinct
/// people, most with a second lightly corrupted record) so the engine's EM has matches to learn from.
/// </summary>
internal sealed class MatchData(TestDatabase database, TimeProvider clock)
{
    private static readonly string[] Given = ["oliver", "amelia", "harry", "isla", "jack", "ava", "george", "mia", "noah", "emily", "leo", "grace"];

    private static readonly string[] Family = ["abernathy", "blackwood", "dunmore", "eastwick", "fairbanks", "gallagher", "ingram", "jardine", "kowalski", "lindqvist", "montague", "northcott"];

    private static readonly string[] Cities = ["london", "leeds", "york", "bath", "hull", "derby", "exeter", "bristol", "cardiff", "oxford"];

    public MatchRunner Runner() => new(new DatabaseContexts(database), clock, NullLogger<MatchRunner>.Instance, MatchSettings.Default);

    public async Task<int> ConnectorAsync(string name, int trust)
    {
        await using var db = database.CreateContext();
        var connector = new Connector(name, ConnectorKind.File, trust, clock.GetUtcNow());
        db.Connectors.Add(connector);
        await db.SaveChangesAsync();
        return connector.Id;
    }

    public async Task<long> AddAsync(int connector, string key, Person person)
    {
        await using var db = database.CreateContext();
        var record = Record(connector, key, person);
        db.SourceRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    public async Task AddBackgroundAsync(int connector, int people)
    {
        var random = new Random(7);
        await using var db = database.CreateContext();
        for (var p = 0; p < people; p++)
        {
            var first = Given[random.Next(Given.Length)];
            var last = Family[random.Next(Family.Length)];
            var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(50 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var n = p.ToString(CultureInfo.InvariantCulture);
            var person = new Person(
                first, last, $"{first}.{last}.{n}@example.org", "+447700" + (100_000 + p).ToString(CultureInfo.InvariantCulture),
                birth, $"{random.Next(1, 200)} {Family[random.Next(Family.Length)]} road", Cities[random.Next(Cities.Length)], $"SW{random.Next(1, 20)} {random.Next(1, 9)}AB");
            db.SourceRecords.Add(Record(connector, $"bg-{n}-a", person));
            if (random.NextDouble() < 0.7)
            {
                var typo = random.NextDouble() < 0.3 ? person with { Last = last[..^1] + "e" } : person;
                db.SourceRecords.Add(Record(connector, $"bg-{n}-b", typo with { Email = random.NextDouble() < 0.5 ? person.Email : null }));
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Record id → profile id, from the memberships.</summary>
    public async Task<Dictionary<long, Guid>> MembershipsAsync()
    {
        await using var db = database.CreateContext();
        return await db.Memberships.AsNoTracking().ToDictionaryAsync(m => m.RecordId, m => m.ProfileId);
    }

    /// <summary>The partition of records into profiles, order-free, for comparing two runs' clusters.</summary>
    public async Task<HashSet<string>> PartitionAsync() =>
        [.. (await MembershipsAsync()).GroupBy(m => m.Value).Select(g => string.Join("|", g.Select(m => m.Key).Order()))];

    private SourceRecord Record(int connector, string key, Person person)
    {
        var now = clock.GetUtcNow();
        var record = new SourceRecord(connector, key, now, now)
        {
            FirstName = person.First,
            LastName = person.Last,
            BirthDate = person.Birth is null ? null : DateOnly.ParseExact(person.Birth, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Address = new PostalAddress { Street = person.Street, City = person.City, PostalCode = person.Postcode, Country = "GB" },
        };
        if (person.Email is { } email)
        {
            record.Identifiers.Add(new RecordIdentifier(IdentifierKind.Email, email, email.ToLowerInvariant()));
        }

        if (person.Phone is { } phone)
        {
            record.Identifiers.Add(new RecordIdentifier(IdentifierKind.Phone, phone, phone));
        }

        record.ApplyContent(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key + person))), now, now);
        return record;
    }
}
