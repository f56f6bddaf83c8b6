using System.Globalization;
using Bogus;
using CsvHelper;

namespace ProfileHub.Bench.Synthetic;

/// <summary>
/// A seeded multi-channel customer base with ground truth (person_id), shaped like a real customer data platform's:
/// 1 to 8 records a person from seven sources that each hold a different subset of attributes, personal mailboxes
/// nobody shares, work addresses whose local part (d.johnson) recurs at other companies, Gmail's dot and +tag
/// spellings, households sharing an address, a landline and sometimes a family mailbox, junk e-mails typed by
/// cashiers, name-only support records, nicknames, typos, swapped names, married names, moves and phones and
/// dates in every format. <see cref="CustomerBaseKind"/> decides how concentrated the names are, which is what
/// makes a name-only record dangerous: in a base where a third of the people are Nguyen, "Minh Nguyen" is dozens
/// of strangers. The same kind, people and seed give byte-identical CSV.
/// </summary>
internal static class CustomerBase
{
    public static readonly string[] Header =
    [
        "record_id", "person_id", "source", "first_name", "last_name", "full_name", "email", "phone",
        "street_number", "street", "city", "postcode", "country", "birth_date", "loyalty_id", "social_handle",
    ];

    public static readonly string[] ResolveMap =
    [
        "source=Source", "first_name=FirstName", "last_name=LastName", "full_name=FullName", "email=Email",
        "phone=Phone", "street_number=StreetNumber", "street=Street", "city=City", "postcode=PostalCode",
        "country=Country", "birth_date=BirthDate", "loyalty_id=LoyaltyId", "social_handle=SocialHandle",
    ];

    public static List<CustomerRecord> Generate(CustomerBaseKind kind, int people, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(people);
        return new CustomerBaseGenerator(kind, seed).Run(people);
    }

    public static byte[] ToCsv(IEnumerable<CustomerRecord> records)
    {
        using var stream = new MemoryStream();
        Write(stream, records);
        return stream.ToArray();
    }

    public static void Write(Stream stream, IEnumerable<CustomerRecord> records)
    {
        // Injection protection off: phones start with '+' and handles with '@', and both must stay as written.
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.None }, leaveOpen: true);
        csv.WriteRecord(Header);
        foreach (var r in records)
        {
            // Field by field: no array per record on a million-record write.
            csv.WriteField(r.RecordId);
            csv.WriteField(r.PersonId);
            csv.WriteField(r.Source);
            csv.WriteField(r.FirstName);
            csv.WriteField(r.LastName);
            csv.WriteField(r.FullName);
            csv.WriteField(r.Email);
            csv.WriteField(r.Phone);
            csv.WriteField(r.StreetNumber);
            csv.WriteField(r.Street);
            csv.WriteField(r.City);
            csv.WriteField(r.PostalCode);
            csv.WriteField(r.Country);
            csv.WriteField(r.BirthDate);
            csv.WriteField(r.LoyaltyId);
            csv.WriteField(r.SocialHandle);
            csv.EndRecord();
        }
    }

    /// <summary>Fisher-Yates with the seeded randomizer, so the order depends on the seed alone.</summary>
    internal static void Shuffle<T>(Randomizer random, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Int(0, i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    internal static string Id(char prefix, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{number:D6}");
}
