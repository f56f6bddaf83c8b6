using System.Globalization;
using Bogus;

namespace ProfileHub.Bench.Synthetic;

/// <summary>
/// One run of <see cref="CustomerBase.Generate"/>: the seeded randomizer, the kind's pools, and the sets that keep
/// every person's identifiers (mailbox, work address, phone, loyalty id, handle) their own.
/// </summary>
internal sealed class CustomerBaseGenerator
{
    // A household of 2-4 (mean 3) in one draw out of ten puts 0.3 / (0.3 + 0.9) = 25% of the people in one.
    private const double HouseholdChance = 0.10;
    private const double SharedSurnameChance = 0.85;
    private const double LandlineChance = 0.6;
    private const double SingleLandlineChance = 0.05;

    // Some members of a household with a landline give only that; the others give it on some records.
    // Calibration: the rates that leave a record without an identifier its person's other records share (the
    // landline given instead of a mobile, the work address given instead of the personal one, a record without an
    // e-mail) are set so that linking exactly the true pairs sharing an identifier scores F1 about 0.94, and the
    // junk e-mail rate so that exact stitching scores about 0.75: issue 13's figures for its held-out data. With
    // twice these rates the ceiling was 0.92, below the held-out data's, and recall beyond it meant linking on
    // names alone.
    private const double LandlineOnlyChance = 0.25;
    private const double LandlineUseChance = 0.05;
    private const double FamilyEmailChance = 0.15;
    private const double FamilyEmailUseChance = 0.3;
    private const double MoveChance = 0.15;
    private const double WorkEmailChance = 0.30;
    private const double MarriedChance = 0.12;
    private const double NicknameUserChance = 0.3;
    private const double GmailVariantChance = 0.25;
    private const double NameTypoChance = 0.05;
    private const double SwapChance = 0.02;
    private const double InitialChance = 0.05;
    private const double EmailScruffyChance = 0.05;
    private const double EmailTypoChance = 0.01;
    private const double JunkEmailChance = 0.007;
    private const double NameOnlySupportChance = 0.10;
    private const double BothSurnamesChance = 0.5;

    // Ages are counted from a fixed day so that the output does not depend on when it is generated.
    private static readonly DateOnly Today = new(2025, 1, 1);

    /// <summary>Placeholders typed into a required e-mail field; shared by strangers (about 1% of records).</summary>
    internal static readonly string[] JunkEmails = ["test@test.com", "none@none.com", "noemail@example.com", "no@email.com"];
    private static readonly string[] PlusTags = ["shop", "news", "promo", "deals", "store", "orders"];
    private static readonly string[] BirthFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "yyyyMMdd"];
    private static readonly string[] SourceNames = ["web", "email", "support", "social", "loyalty", "ads", "shop"];
    private static readonly string[] DigitFormats = ["D0", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9"];

    // Records a person: most people are seen once or twice, a few up to 8 times; the mean of about 1.96 (issue 13's
    // held-out data: 19,789 records of 10,000 people) makes 510,000 people about a million records, the 1M benchmark.
    private static readonly WeightedPool<int> RecordsPerPerson = new([1, 2, 3, 4, 5, 6, 7, 8], [50, 27, 11, 6, 3, 1.6, 0.9, 0.5]);

    private static readonly WeightedPool<Source> Sources = new(
        [Source.Web, Source.Email, Source.Support, Source.Social, Source.Loyalty, Source.Ads, Source.Shop],
        [20, 15, 15, 10, 12, 13, 15]);

    private readonly Randomizer _random;
    private readonly CustomerBasePools _pools;
    private readonly bool _spanish;
    private readonly string _country;
    private readonly HashSet<string> _mailboxes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _workEmails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _handles = new(StringComparer.Ordinal);
    private readonly HashSet<int> _loyaltyIds = [];
    private readonly HashSet<long> _phones = [];

    public CustomerBaseGenerator(CustomerBaseKind kind, int seed)
    {
        _random = new Randomizer(seed);
        _pools = CustomerBasePools.For(kind, _random);
        _spanish = kind == CustomerBaseKind.Spanish;
        _country = _spanish ? "ES" : "US";
    }

    private enum Source
    {
        Web,
        Email,
        Support,
        Social,
        Loyalty,
        Ads,
        Shop,
    }

    public List<CustomerRecord> Run(int people)
    {
        var records = new List<CustomerRecord>((int)(people * 2.3) + 16);
        var number = 0;
        while (number < people)
        {
            var size = Math.Min(Chance(HouseholdChance) ? _random.Int(2, 4) : 1, people - number);
            var household = NewHousehold(size);
            for (var m = 0; m < size; m++)
            {
                AddRecords(NewPerson(household, number++), records);
            }
        }

        // Arrival order is not grouped by person, and record ids follow arrival so they do not give the grouping away.
        CustomerBase.Shuffle(_random, records);
        for (var i = 0; i < records.Count; i++)
        {
            records[i].RecordId = CustomerBase.Id('r', i);
        }

        return records;
    }

    private bool Chance(double probability) => _random.Double() < probability;

    private T Pick<T>(T[] items) => items[_random.Int(0, items.Length - 1)];

    // ---- People and households ----

    private Household NewHousehold(int size)
    {
        var home = NewAddress();
        var household = new Household
        {
            Size = size,
            Surname = _pools.Surnames.Sample(_random),
            Surname2 = _spanish ? _pools.Surnames.Sample(_random) : null,
            Home = home,
            Moved = Chance(MoveChance) ? NewAddress() : null,
            Landline = Chance(size > 1 ? LandlineChance : SingleLandlineChance) ? NewLandline(home.City) : null,
        };
        if (size > 1 && Chance(FamilyEmailChance))
        {
            household.FamilyEmail = NewFamilyEmail(household);
        }

        return household;
    }

    private Person NewPerson(Household household, int number)
    {
        var female = _random.Bool();
        var first = FirstName(female, household);
        var nicknames = _pools.Nicknames.Of(first);
        var (last, last2) = Surnames(household);
        var person = new Person
        {
            Id = CustomerBase.Id('c', number),
            First = first,
            Nicknames = nicknames,
            GoesByNickname = nicknames is not null && Chance(NicknameUserChance),
            Last = last,
            Last2 = last2,

            // Spanish women keep their surnames on marriage; in the US some take the spouse's on later records.
            MarriedLast = !_spanish && female && Chance(MarriedChance) ? OtherSurname(last) : null,
            Birth = Today.AddDays(-_random.Int(18 * 365, 85 * 365)),
            Home = household.Home,
            Moved = household.Moved,
            Landline = household.Landline,
            FamilyEmail = household.FamilyEmail,
        };
        person.Mobile = household.Landline is not null && Chance(LandlineOnlyChance) ? null : NewMobile(household.Home.City);
        person.Email = NewPersonalEmail(person);
        person.IsGmail = person.Email.EndsWith("@gmail.com", StringComparison.Ordinal);
        person.WorkEmail = Chance(WorkEmailChance) ? NewWorkEmail(person) : null;
        return person;
    }

    /// <summary>A given name no other member of the household has, nor one related to theirs by a nickname.</summary>
    private string FirstName(bool female, Household household)
    {
        var pool = female ? _pools.FemaleNames : _pools.MaleNames;
        while (true)
        {
            var name = pool.Sample(_random);
            if (!RelatedToMember(name, household))
            {
                household.FirstNames.Add(name);
                return name;
            }
        }
    }

    private bool RelatedToMember(string name, Household household)
    {
        foreach (var member in household.FirstNames)
        {
            if (_pools.Nicknames.Related(name, member))
            {
                return true;
            }
        }

        return false;
    }

    private (string Last, string? Last2) Surnames(Household household)
    {
        var shared = household.Size > 1 && Chance(SharedSurnameChance);
        if (!_spanish)
        {
            return (shared ? household.Surname : _pools.Surnames.Sample(_random), null);
        }

        // Children carry the father's first surname and the mother's; siblings share both.
        var last2 = shared && Chance(0.6) ? household.Surname2! : _pools.Surnames.Sample(_random);
        return (shared ? household.Surname : _pools.Surnames.Sample(_random), last2);
    }

    private string OtherSurname(string surname)
    {
        while (true)
        {
            var other = _pools.Surnames.Sample(_random);
            if (other != surname)
            {
                return other;
            }
        }
    }

    private Address NewAddress()
    {
        var city = _pools.Cities.Sample(_random);
        var number = _spanish ? _random.Int(1, 180) : _random.Int(1, 9999);
        return new Address(
            number.ToString(CultureInfo.InvariantCulture),
            Pick(_pools.Streets),
            city,
            city.PostPrefix + _random.Int(0, 99).ToString("D2", CultureInfo.InvariantCulture));
    }

    // ---- Identifiers, each unique to its person (or household) ----

    private string NewMobile(CustomerCity home)
    {
        if (_spanish)
        {
            return UniqueNumber(Chance(0.85) ? "6" : "7", 9);
        }

        // People keep their mobile number when they move, so some carry another city's area code.
        var city = Chance(0.7) ? home : _pools.Cities.Sample(_random);
        return UniqueNumber(city.PhonePrefix, 10);
    }

    private string NewLandline(CustomerCity city) => UniqueNumber(city.PhonePrefix, _spanish ? 9 : 10);

    private string UniqueNumber(string prefix, int length)
    {
        var rest = length - prefix.Length;
        var high = (int)Math.Pow(10, rest) - 1;

        // A US exchange (the digits after the area code) never starts with 0 or 1.
        var low = _spanish ? 0 : 2 * (int)Math.Pow(10, rest - 1);
        while (true)
        {
            var digits = prefix + _random.Int(low, high).ToString(DigitFormats[rest], CultureInfo.InvariantCulture);
            if (_phones.Add(long.Parse(digits, CultureInfo.InvariantCulture)))
            {
                return digits;
            }
        }
    }

    /// <summary>A mailbox nobody else has, from name parts and digits; unique as the provider sees it (Gmail ignores dots).</summary>
    private string NewPersonalEmail(Person person)
    {
        var domain = _pools.PersonalDomains.Sample(_random);
        var first = CustomerText.MailPart(person.First);
        var last = CustomerText.MailPart(person.Last);
        var last2 = person.Last2 is null ? null : CustomerText.MailPart(person.Last2);
        var pattern = _random.Int(0, 6);
        for (var attempt = 0; ; attempt++)
        {
            var local = LocalPart(pattern, first, last, last2, MailDigits(person, attempt));
            if (domain == "gmail.com")
            {
                // Gmail addresses have no underscores.
                local = local.Replace('_', '.');
            }

            if (_mailboxes.Add(MailboxKey(local, domain)))
            {
                return local + "@" + domain;
            }
        }
    }

    private static string LocalPart(int pattern, string first, string last, string? last2, string digits) => pattern switch
    {
        0 => string.Concat(first, ".", last, digits),
        1 => string.Concat(last, ".", first, digits),
        2 => string.Concat(first, last, digits),
        3 => string.Concat(first.AsSpan(0, 1), last, digits),
        4 => string.Concat(first, "_", last, digits),
        5 => digits.Length == 0 ? string.Concat(first, last.AsSpan(0, 1)) : first + digits,
        _ => last2 is not null ? string.Concat(first, ".", last, "." + last2 + digits) : string.Concat(first, last.AsSpan(0, 1), digits),
    };

    /// <summary>No digits, the birth year or a number on the first try; a larger number after a collision.</summary>
    private string MailDigits(Person person, int attempt)
    {
        if (attempt > 0)
        {
            return _random.Int(1, attempt < 5 ? 9999 : 999_999).ToString(CultureInfo.InvariantCulture);
        }

        var roll = _random.Double();
        return roll < 0.2 ? string.Empty
            : roll < 0.45 ? (person.Birth.Year % 100).ToString("D2", CultureInfo.InvariantCulture)
            : roll < 0.55 ? person.Birth.Year.ToString(CultureInfo.InvariantCulture)
            : _random.Int(1, 999).ToString(CultureInfo.InvariantCulture);
    }

    private static string MailboxKey(string local, string domain) =>
        domain == "gmail.com" ? local.Replace(".", string.Empty, StringComparison.Ordinal) + "@gmail.com" : local + "@" + domain;

    /// <summary>initial.surname at an employer; a digit when a colleague already has it, so each is one person's.</summary>
    private string NewWorkEmail(Person person)
    {
        var domain = _pools.CompanyDomains.Sample(_random);
        var stem = string.Concat(CustomerText.MailPart(person.First).AsSpan(0, 1), ".", CustomerText.MailPart(person.Last));
        var address = stem + "@" + domain;
        for (var n = 2; !_workEmails.Add(address); n++)
        {
            address = string.Concat(stem, n.ToString(CultureInfo.InvariantCulture), "@", domain);
        }

        return address;
    }

    /// <summary>A mailbox the whole household uses (thesmiths@gmail.com, familiagarcia@gmail.com).</summary>
    private string NewFamilyEmail(Household household)
    {
        var domain = _pools.PersonalDomains.Sample(_random);
        var surname = CustomerText.MailPart(household.Surname);
        var pattern = _random.Int(0, 2);
        for (var attempt = 0; ; attempt++)
        {
            var stem = (_spanish, pattern) switch
            {
                (true, 0) => "familia" + surname,
                (true, 1) => "los" + surname,
                (true, _) => surname + CustomerText.MailPart(household.Surname2!),
                (false, 0) => "the" + surname + "s",
                (false, 1) => surname + "family",
                _ => "the" + surname + "family",
            };
            var local = attempt == 0 ? stem : stem + _random.Int(1, 999).ToString(CultureInfo.InvariantCulture);
            if (_mailboxes.Add(MailboxKey(local, domain)))
            {
                return local + "@" + domain;
            }
        }
    }

    private string Handle(Person person)
    {
        if (person.Handle is not null)
        {
            return person.Handle;
        }

        var first = CustomerText.MailPart(person.First);
        var last = CustomerText.MailPart(person.Last);
        var nickname = person.Nicknames is null ? first : CustomerText.MailPart(person.Nicknames[0]);
        var year = (person.Birth.Year % 100).ToString("D2", CultureInfo.InvariantCulture);
        var pattern = _random.Int(0, 5);
        for (var attempt = 0; ; attempt++)
        {
            var stem = pattern switch
            {
                0 => string.Concat(first, "_", last.AsSpan(0, 1), year),
                1 => first + last,
                2 => string.Concat(first, ".", last),
                3 => string.Concat(last, first.AsSpan(0, 1)),
                4 => string.Concat(nickname, "_", last),
                _ => string.Concat("the", first, last.AsSpan(0, 1)),
            };
            var handle = attempt == 0 ? stem : stem + _random.Int(1, 9999).ToString(CultureInfo.InvariantCulture);
            if (_handles.Add(handle))
            {
                return person.Handle = "@" + handle;
            }
        }
    }

    private string LoyaltyId(Person person)
    {
        if (person.LoyaltyId is not null)
        {
            return person.LoyaltyId;
        }

        int number;
        do
        {
            number = _random.Int(10_000_000, 99_999_999);
        }
        while (!_loyaltyIds.Add(number));
        return person.LoyaltyId = "L" + number.ToString(CultureInfo.InvariantCulture);
    }

    // ---- Records ----

    private void AddRecords(Person person, List<CustomerRecord> records)
    {
        var count = RecordsPerPerson.Sample(_random);
        for (var i = 0; i < count; i++)
        {
            // The second half of a person's records comes after a move or a marriage.
            var record = NewRecord(person, Sources.Sample(_random), later: i > 0 && i >= (count + 1) / 2);
            if (Chance(JunkEmailChance))
            {
                // A cashier or agent fills a required e-mail field with a placeholder many strangers share.
                record.Email = Pick(JunkEmails);
            }

            records.Add(record);
        }
    }

    private CustomerRecord NewRecord(Person person, Source source, bool later)
    {
        var record = new CustomerRecord
        {
            PersonId = person.Id,
            Source = SourceNames[(int)source],
            Country = _country,
            Surname = person.Last,
        };
        switch (source)
        {
            case Source.Web:
                FillWeb(record, person, later);
                break;
            case Source.Email:
                FillMarketing(record, person, later);
                break;
            case Source.Support:
                FillSupport(record, person, later);
                break;
            case Source.Social:
                FillSocial(record, person, later);
                break;
            case Source.Loyalty:
                FillLoyalty(record, person, later);
                break;
            case Source.Ads:
                FillAds(record, person);
                break;
            default:
                FillShop(record, person, later);
                break;
        }

        return record;
    }

    /// <summary>Web sign-up: an e-mail (sometimes the work one), sometimes a first name, sometimes a phone (checkout).</summary>
    private void FillWeb(CustomerRecord record, Person person, bool later)
    {
        record.Email = EmailFor(person, workShare: 0.05);
        if (Chance(0.4))
        {
            record.FirstName = Names(person, Source.Web, later).First;
        }

        record.Phone = Chance(0.3) ? PhoneFor(person) : null;
    }

    /// <summary>Marketing list: an e-mail, sometimes first and last name.</summary>
    private void FillMarketing(CustomerRecord record, Person person, bool later)
    {
        record.Email = EmailFor(person, workShare: 0.05);
        if (Chance(0.5))
        {
            (record.FirstName, record.LastName) = Names(person, Source.Email, later);
        }
    }

    /// <summary>Support ticket: a name, and a phone or an e-mail unless the agent kept only the name (one in ten).</summary>
    private void FillSupport(CustomerRecord record, Person person, bool later)
    {
        var (first, last) = Names(person, Source.Support, later);
        if (Chance(0.5))
        {
            record.FullName = first + " " + last;
        }
        else
        {
            (record.FirstName, record.LastName) = (first, last);
        }

        if (Chance(NameOnlySupportChance))
        {
            return;
        }

        // Phone only, both, or e-mail only: 30/40/30.
        var roll = _random.Double();
        record.Phone = roll < 0.7 ? PhoneFor(person) : null;
        record.Email = roll >= 0.3 ? EmailFor(person, workShare: 0.05) : null;
    }

    /// <summary>Social profile: the person's one handle and a display name, sometimes just a first name or a nickname; usually an e-mail from a lead form.</summary>
    private void FillSocial(CustomerRecord record, Person person, bool later)
    {
        record.SocialHandle = Handle(person);
        record.Email = Chance(0.95) ? EmailFor(person, workShare: 0.05) : null;
        var (first, last) = Names(person, Source.Social, later);
        var roll = _random.Double();
        record.FullName = roll < 0.7 ? first + " " + last
            : roll < 0.85 || person.Nicknames is null ? first
            : Pick(person.Nicknames);
    }

    /// <summary>Loyalty programme: the card number and most of the sign-up form (name, e-mail, phone, address, birth date).</summary>
    private void FillLoyalty(CustomerRecord record, Person person, bool later)
    {
        record.LoyaltyId = LoyaltyId(person);
        if (Chance(0.85))
        {
            (record.FirstName, record.LastName) = Names(person, Source.Loyalty, later);
        }

        record.Email = Chance(0.85) ? EmailFor(person, workShare: 0) : null;
        record.Phone = Chance(0.85) ? PhoneFor(person) : null;
        if (Chance(0.9))
        {
            var address = later && person.Moved is { } moved ? moved : person.Home;
            (record.StreetNumber, record.Street, record.City, record.PostalCode) = (address.Number, address.Street, address.City.Name, address.PostalCode);
        }

        record.BirthDate = Chance(0.8) ? person.Birth.ToString(Pick(BirthFormats), CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Ad platform lead: an e-mail (work ones are common here), sometimes a phone.</summary>
    private void FillAds(CustomerRecord record, Person person)
    {
        record.Email = EmailFor(person, workShare: 0.08);
        record.Phone = Chance(0.5) ? PhoneFor(person) : null;
    }

    /// <summary>Point of sale: a name and a phone in the till's capitals, usually an e-mail for the receipt, sometimes the postcode.</summary>
    private void FillShop(CustomerRecord record, Person person, bool later)
    {
        (record.FirstName, record.LastName) = Names(person, Source.Shop, later);
        record.Phone = PhoneFor(person);
        record.Email = Chance(0.9) ? EmailFor(person, workShare: 0) : null;
        if (Chance(0.4))
        {
            record.PostalCode = (later && person.Moved is { } moved ? moved : person.Home).PostalCode;
        }
    }

    // ---- Attribute values as one record writes them ----

    /// <summary>Given and family name as this source writes them: nicknames, typos, a married name, swaps, accents, case.</summary>
    private (string First, string Last) Names(Person person, Source source, bool later)
    {
        var first = GivenName(person);
        var last = FamilyName(person, later);
        if (source is Source.Shop or Source.Support && Chance(InitialChance))
        {
            // A till or an agent keeps only the initial: "J Doe".
            first = first[..1];
        }

        if (Chance(SwapChance))
        {
            (first, last) = (last, first);
        }

        var (style, dropAccents) = Style(source);
        if (dropAccents)
        {
            first = CustomerText.StripAccents(first);
            last = CustomerText.StripAccents(last);
        }

        return (CustomerText.Cased(first, style), CustomerText.Cased(last, style));
    }

    private string GivenName(Person person)
    {
        var name = person.First;
        if (person.Nicknames is { } nicknames && Chance(person.GoesByNickname ? 0.6 : 0.08))
        {
            name = Pick(nicknames);
        }

        return Chance(NameTypoChance) ? CustomerText.Typo(_random, name) : name;
    }

    private string FamilyName(Person person, bool later)
    {
        var name = later && person.MarriedLast is not null ? person.MarriedLast : person.Last;
        if (person.Last2 is not null && Chance(BothSurnamesChance))
        {
            name = name + " " + person.Last2;
        }

        return Chance(NameTypoChance) ? CustomerText.Typo(_random, name) : name;
    }

    /// <summary>
    /// Case and accents by source system: customers type in any case and often without accents, the marketing
    /// tool and the till drop accents (Muñoz → Munoz), the till writes capitals, agents capitalise.
    /// </summary>
    private (NameCase Case, bool DropAccents) Style(Source source)
    {
        var roll = _random.Double();
        return source switch
        {
            Source.Web or Source.Social => (roll < 0.5 ? NameCase.Lower : roll < 0.95 ? NameCase.Title : NameCase.Upper, _spanish && Chance(0.3)),
            Source.Email => (NameCase.Title, _spanish),
            Source.Shop => (NameCase.Upper, _spanish),
            _ => (roll < 0.7 ? NameCase.Title : NameCase.Lower, _spanish && Chance(0.15)),
        };
    }

    /// <summary>The address this record gives: the family one, the work one, or the personal one as Gmail lets it be written; then slips.</summary>
    private string EmailFor(Person person, double workShare)
    {
        string email;
        if (person.FamilyEmail is not null && Chance(FamilyEmailUseChance))
        {
            email = person.FamilyEmail;
        }
        else if (person.WorkEmail is not null && Chance(workShare))
        {
            email = person.WorkEmail;
        }
        else
        {
            email = person.IsGmail && Chance(GmailVariantChance) ? GmailVariant(person.Email) : person.Email;
        }

        if (Chance(EmailTypoChance))
        {
            email = CustomerText.MistypeEmail(_random, email);
        }

        return Chance(EmailScruffyChance) ? Scruffy(email) : email;
    }

    /// <summary>The same Gmail mailbox written differently: dots dropped or added, or a +tag (Gmail ignores both).</summary>
    private string GmailVariant(string email)
    {
        var local = email.AsSpan(0, email.IndexOf('@', StringComparison.Ordinal));
        var choice = _random.Int(0, 2);
        if (choice == 0 && local.Contains('.'))
        {
            return local.ToString().Replace(".", string.Empty, StringComparison.Ordinal) + "@gmail.com";
        }

        if (choice < 2)
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var i = _random.Int(1, local.Length - 1);
                if (local[i - 1] != '.' && local[i] != '.')
                {
                    return string.Concat(local[..i], ".", local[i..], "@gmail.com");
                }
            }
        }

        return string.Concat(local, "+", Pick(PlusTags), "@gmail.com");
    }

    /// <summary>Upper-cased, capitalised, or padded with a space, as exports and forms leave e-mails.</summary>
    private string Scruffy(string email) => _random.Int(0, 3) switch
    {
        0 => email.ToUpperInvariant(),
        1 => string.Concat(email.AsSpan(0, 1).ToString().ToUpperInvariant(), email.AsSpan(1)),
        2 => " " + email,
        _ => email + " ",
    };

    private string PhoneFor(Person person)
    {
        var digits = person.Mobile is null || (person.Landline is not null && Chance(LandlineUseChance))
            ? person.Landline!
            : person.Mobile;
        return _spanish
            ? CustomerText.SpanishPhone(digits, _random.Int(0, CustomerText.SpanishPhoneStyles - 1))
            : CustomerText.UsPhone(digits, _random.Int(0, CustomerText.UsPhoneStyles - 1));
    }

    private sealed record Address(string Number, string Street, CustomerCity City, string PostalCode);

    private sealed class Household
    {
        public required int Size;
        public required string Surname;
        public string? Surname2;
        public required Address Home;
        public Address? Moved;
        public string? Landline;
        public string? FamilyEmail;
        public readonly List<string> FirstNames = new(4);
    }

    /// <summary>The truth about one person; the records are noisy views of it.</summary>
    private sealed class Person
    {
        public required string Id;
        public required string First;
        public string[]? Nicknames;
        public bool GoesByNickname;
        public required string Last;
        public string? Last2;
        public string? MarriedLast;
        public required DateOnly Birth;
        public required Address Home;
        public Address? Moved;
        public string? Mobile;
        public string? Landline;
        public string Email = string.Empty;
        public bool IsGmail;
        public string? WorkEmail;
        public string? FamilyEmail;
        public string? LoyaltyId;
        public string? Handle;
    }
}
