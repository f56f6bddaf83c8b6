using System.Globalization;
using Bogus;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Bench.Api;

/// <summary>A seeded connector: its name, kind, survivorship trust and the channel its touchpoints belong to.</summary>
internal sealed record SeedConnector(string Name, ConnectorKind Kind, int Trust, TouchpointChannel Channel, string KeyPrefix);

/// <summary>One touchpoint type a connector emits, with its four classifications.</summary>
internal sealed record SeedEventType(string Type, JourneyStage Stage, bool Online, bool Controllable, Initiative Initiative, bool Purchase);

/// <summary>One golden profile and its two source records, as the seed writes them.</summary>
internal sealed record SeedPerson(
    int Index,
    Guid ProfileId,
    DateTimeOffset CreatedAt,
    string GivenName,
    string FamilyName,
    string EmailAsWritten,
    string Email,
    string PhoneAsWritten,
    string Phone,
    string StreetNumber,
    string Street,
    string City,
    string Region,
    string PostalCode,
    DateOnly BirthDate,
    string Gender,
    int FirstConnector,
    int SecondConnector)
{
    /// <summary>Source record ids are dense: profile i holds records 2i+1 and 2i+2.</summary>
    public long FirstRecordId => (2L * Index) + 1;

    public long SecondRecordId => (2L * Index) + 2;

    public long RecordId(int which) => which == 0 ? FirstRecordId : SecondRecordId;

    public int Connector(int which) => which == 0 ? FirstConnector : SecondConnector;
}

/// <summary>
/// The population behind `seed-api`: every profile is a pure function of (seed, index), so the writer threads
/// (profiles and records on one, touchpoints on another) regenerate the same person independently. Names,
/// streets and cities come from Bogus pools drawn once; emails are unique per profile (the API looks them up).
/// </summary>
internal sealed class SeedPopulation
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly SeedConnector[] Connectors =
    [
        new("bench-segment", ConnectorKind.Web, 60, TouchpointChannel.Web, "anon"),
        new("bench-mailchimp", ConnectorKind.Email, 70, TouchpointChannel.Email, "mc"),
        new("bench-meta-leads", ConnectorKind.Ads, 40, TouchpointChannel.Ads, "lead"),
        new("bench-zendesk", ConnectorKind.Support, 60, TouchpointChannel.Support, "zd"),
        new("bench-listening", ConnectorKind.Social, 20, TouchpointChannel.Social, "tw"),
        new("bench-smile", ConnectorKind.Loyalty, 80, TouchpointChannel.Loyalty, "smile"),
    ];

    // Indexed like Connectors: what each channel's touchpoints look like.
    public static readonly SeedEventType[][] EventTypes =
    [
        [
            new("page_viewed", JourneyStage.BeforePurchase, true, true, Initiative.Reactive, false),
            new("product_viewed", JourneyStage.BeforePurchase, true, true, Initiative.Reactive, false),
            new("cart_abandoned", JourneyStage.DuringPurchase, true, true, Initiative.Reactive, false),
            new("order_completed", JourneyStage.DuringPurchase, true, true, Initiative.Reactive, true),
        ],
        [
            new("email_delivered", JourneyStage.BeforePurchase, true, true, Initiative.Proactive, false),
            new("email_opened", JourneyStage.BeforePurchase, true, true, Initiative.Proactive, false),
            new("email_clicked", JourneyStage.BeforePurchase, true, true, Initiative.Proactive, false),
            new("unsubscribed", JourneyStage.AfterPurchase, true, true, Initiative.Reactive, false),
        ],
        [
            new("ad_impression", JourneyStage.BeforePurchase, true, true, Initiative.Proactive, false),
            new("ad_clicked", JourneyStage.BeforePurchase, true, true, Initiative.Proactive, false),
            new("lead_submitted", JourneyStage.BeforePurchase, true, true, Initiative.Reactive, false),
        ],
        [
            new("ticket_opened", JourneyStage.AfterPurchase, true, true, Initiative.Reactive, false),
            new("ticket_solved", JourneyStage.AfterPurchase, true, true, Initiative.Proactive, false),
            new("satisfaction_rated", JourneyStage.AfterPurchase, true, true, Initiative.Reactive, false),
        ],
        [
            new("comment", JourneyStage.AfterPurchase, true, false, Initiative.Reactive, false),
            new("mention", JourneyStage.BeforePurchase, true, false, Initiative.Reactive, false),
            new("review_posted", JourneyStage.AfterPurchase, true, false, Initiative.Reactive, false),
        ],
        [
            new("points_earned", JourneyStage.AfterPurchase, false, true, Initiative.Proactive, false),
            new("reward_redeemed", JourneyStage.AfterPurchase, false, true, Initiative.Reactive, true),
            new("birthday_reward_sent", JourneyStage.AfterPurchase, true, true, Initiative.Proactive, false),
        ],
    ];

    // Where first records come from (web-heavy, like a CDP's intake), then the second record's source.
    private static readonly int[] FirstSources = [0, 0, 0, 0, 1, 1, 1, 2, 3, 4];
    private static readonly int[] SecondSources = [5, 5, 5, 5, 5, 1, 1, 3, 3, 2];

    // Consumer mailbox shares, roughly as in a B2C list; the rest are company domains.
    private static readonly string[] Domains =
    [
        "gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com", "yahoo.com", "yahoo.com",
        "hotmail.com", "outlook.com", "icloud.com", "aol.com", "comcast.net", "proton.me",
    ];

    private readonly int _seed;
    private readonly string[] _firstNamesFemale;
    private readonly string[] _firstNamesMale;
    private readonly string[] _lastNames;
    private readonly string[] _streets;
    private readonly (string City, string Region, string PostalCode)[] _places;
    private readonly string[] _companyDomains;

    public SeedPopulation(int seed)
    {
        _seed = seed;
        Randomizer.Seed = new Random(seed);
        var faker = new Faker("en_US");
        _firstNamesFemale = Pool(3000, () => faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female));
        _firstNamesMale = Pool(3000, () => faker.Name.FirstName(Bogus.DataSets.Name.Gender.Male));
        _lastNames = Pool(5000, () => faker.Name.LastName());
        _streets = Pool(5000, () => faker.Address.StreetName());
        _places = [.. Enumerable.Range(0, 3000).Select(_ => (faker.Address.City(), faker.Address.StateAbbr(), faker.Address.ZipCode("#####")))];
        _companyDomains = Pool(500, () => faker.Internet.DomainName());
    }

    /// <summary>The generator of one profile's stream <paramref name="stream"/> (HashCode is salted per process, so not that).</summary>
    public Random Generator(int index, int stream) => new(unchecked((((_seed * 31) + stream) * 1_000_003) + index));

    public SeedPerson Person(int index)
    {
        var random = Generator(index, 0);
        var female = random.Next(2) == 0;

        // Zipf-like name frequencies: low pool indexes are drawn far more often (many Smiths, few Quimbys).
        var given = Skewed(random, female ? _firstNamesFemale : _firstNamesMale);
        var family = Skewed(random, _lastNames);
        var domain = random.Next(10) < 8 ? Domains[random.Next(Domains.Length)] : _companyDomains[random.Next(_companyDomains.Length)];
        var local = random.Next(3) switch
        {
            0 => $"{given}.{family}",
            1 => $"{given[0]}{family}",
            _ => $"{given}{family[0]}",
        };
        var emailAsWritten = string.Create(CultureInfo.InvariantCulture, $"{Clean(local)}{index}@{domain}");
        if (random.Next(5) == 0)
        {
            emailAsWritten = emailAsWritten.ToUpperInvariant();
        }

        // US numbers from real area codes' range, written the way forms collect them.
        var area = 201 + random.Next(780);
        var exchange = 200 + random.Next(800);
        var line = random.Next(10000);
        var phoneAsWritten = string.Create(CultureInfo.InvariantCulture, $"({area}) {exchange}-{line:0000}");
        var phone = string.Create(CultureInfo.InvariantCulture, $"+1{area}{exchange}{line:0000}");
        var place = _places[random.Next(_places.Length)];
        var createdAt = Epoch.AddSeconds((index * 60.0) + random.Next(60));
        return new SeedPerson(
            index,
            TimeOrderedId(createdAt, random),
            createdAt,
            given,
            family,
            emailAsWritten,
            emailAsWritten.ToLowerInvariant(),
            phoneAsWritten,
            phone,
            (1 + random.Next(9999)).ToString(CultureInfo.InvariantCulture),
            _streets[random.Next(_streets.Length)],
            place.City,
            place.Region,
            place.PostalCode,
            new DateOnly(1945, 1, 1).AddDays(random.Next(365 * 60)),
            female ? "F" : "M",
            FirstSources[random.Next(FirstSources.Length)],
            SecondSources[random.Next(SecondSources.Length)]);
    }

    /// <summary>A UUIDv7 (RFC 9562 section 5.7) from the creation time and the seeded generator, so ids sort by creation.</summary>
    private static Guid TimeOrderedId(DateTimeOffset createdAt, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var milliseconds = createdAt.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static string Skewed(Random random, string[] pool) => pool[(int)(pool.Length * Math.Pow(random.NextDouble(), 2.5))];

    private static string Clean(string local) => new([.. local.Where(c => char.IsAsciiLetterOrDigit(c) || c == '.')]);

    private static string[] Pool(int size, Func<string> next) => [.. Enumerable.Range(0, size).Select(_ => next()).Distinct(StringComparer.Ordinal)];
}
