namespace ProfileHub.Core.Matching;

/// <summary>
/// The records being matched, as interned features in insertion order (record index = position).
/// Batch resolve fills it once; <see cref="MatchIndex"/> keeps appending to it.
/// </summary>
internal sealed class FeatureTable
{
    private RecordFeatures[] _items;
    private string[] _ids;

    public FeatureTable(int capacity = 16, StringPool? pool = null)
    {
        Pool = pool ?? new StringPool();
        _items = new RecordFeatures[Math.Max(capacity, 16)];
        _ids = new string[_items.Length];
    }

    public StringPool Pool { get; }

    public int Count { get; private set; }

    public ref readonly RecordFeatures this[int index] => ref _items[index];

    public string RecordId(int index) => _ids[index];

    public int Add(NormalizedRecord record)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
            Array.Resize(ref _ids, _items.Length);
        }

        var pool = Pool;
        var space = record.Family?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        var familyFirst = space > 0 ? record.Family![..space] : record.Family;
        var familyCode = pool.Intern(record.FamilyCode ?? Nysiis.Encode(record.Family));
        _items[Count] = new RecordFeatures
        {
            Given = pool.Intern(record.Given),
            GivenCanonical = pool.Intern(record.GivenCanonical ?? record.Given),
            Family = pool.Intern(record.Family),
            GivenCode = pool.Intern(record.GivenCode ?? Nysiis.Encode(record.GivenCanonical ?? record.Given)),
            GivenOwnCode = pool.Intern(record.GivenOwnCode ?? Nysiis.Encode(record.Given)),
            GivenFirstCode = record.Given?.IndexOf(' ', StringComparison.Ordinal) is > 0 and var givenSpace ? pool.Intern(Nysiis.Encode(record.Given[..givenSpace])) : 0,
            FamilyCode = familyCode,
            FamilyFirst = pool.Intern(familyFirst),
            FamilyFirstCode = space > 0 ? pool.Intern(Nysiis.Encode(familyFirst)) : familyCode,
            BirthKey = pool.Intern(record.BirthKey),
            BirthYear = record.BirthYear,
            BirthDay = record.BirthDay,
            StreetNumber = pool.Intern(record.StreetNumber),
            Street = pool.Intern(record.Street),
            City = pool.Intern(record.City),
            PostalCode = pool.Intern(record.PostalCode),
            Gender = pool.Intern(record.Gender),
            NationalId = pool.Intern(record.NationalId),
            LoyaltyId = pool.Intern(record.LoyaltyId),
            SocialHandle = pool.Intern(record.SocialHandle),
            ExternalId = pool.Intern(record.ExternalId),
            Source = pool.Intern(record.Source),
            Emails = InternAll(record.Emails),
            GmailKeys = InternAll(record.GmailKeys),
            Phones = InternAll(record.Phones),
            NamesFromMailbox = record.NamesFromMailbox,
        };
        _ids[Count] = record.Id;
        return Count++;
    }

    private int[] InternAll(List<string> values)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var ids = new int[values.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Pool.Intern(values[i]);
        }

        return ids;
    }
}
