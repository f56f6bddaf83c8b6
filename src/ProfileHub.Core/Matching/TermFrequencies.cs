using ProfileHub.Core.Normalization;

namespace ProfileHub.Core.Matching;

/// <summary>
/// What the data says about each value a pair can share. For names and places
/// (<see cref="ValueWeighting.Frequency"/>): how many records hold it, so a shared rare surname counts for
/// more than a shared "smith". For identifiers (<see cref="ValueWeighting.Holders"/>): how many different
/// people hold it, told apart by their first names, so a mailbox on five records of one customer stays
/// personal while test@test.com on forty records of thirty people, or a family's landline, does not.
/// Counts are by pool id, so every table that scores with these counts shares one <see cref="StringPool"/>.
/// </summary>
internal sealed class TermFrequencies
{
    /// <summary>Distinct people past which an identifier is no one's: ignored like junk.</summary>
    public const int MaxPeoplePerIdentifier = 4;

    private readonly int[][] _counts = new int[Comparisons.Count][];
    private readonly int[] _totals = new int[Comparisons.Count];
    private readonly StringPool _pool;

    // The first named holder of each identifier value (as an index into _holders), and, for values held
    // under more than one name, each distinct name seen (capped); Complete counts the people among them.
    private readonly Dictionary<long, int> _firstHolder = [];
    private readonly Dictionary<long, List<int>> _nameVariants = [];
    private readonly Dictionary<long, int> _people = [];
    private readonly List<PersonKey> _holders = [];
    private const int MaxNameVariants = 16;

    // Mailboxes spelled as a household's (thenguyens, familiagarcia): see HouseholdMailbox.
    private readonly HashSet<int> _householdMailboxes = [];

    // Records per full name (canonical first name and surname): names are not independent (Vietnamese first
    // names go with Vietnamese surnames), so "long tran" is more common than "long" times "tran" says.
    private readonly Dictionary<long, int> _fullNames = [];
    private int _fullNameTotal;

    // Distinct mailboxes per mailbox name (the part before the '@', by hash): how common "n.nguyen" is.
    private readonly Dictionary<long, int> _mailboxNames = [];

    // Distinct mailboxes per domain (by hash), and in all: a domain that hosts a large share of them is a
    // mailbox provider (gmail.com, hotmail.es), where people keep personal mailboxes; an employer's is not.
    private readonly Dictionary<long, int> _domainMailboxes = [];
    private int _mailboxes;

    public TermFrequencies(StringPool pool, NameWordRoles nameWords)
    {
        _pool = pool;
        NameWords = nameWords;
        for (var c = 0; c < Comparisons.Count; c++)
        {
            _counts[c] = Comparisons.All[c].Weighting == ValueWeighting.None ? [] : new int[1024];
        }
    }

    /// <summary>Whether a full name's middle word is a surname, counted over the same records (settles records before they are added).</summary>
    public NameWordRoles NameWords { get; }

    /// <summary>How many records hold the value.</summary>
    public int Count(Comparison comparison, int value)
    {
        var counts = _counts[(int)comparison];
        return value > 0 && value < counts.Length ? counts[value] : 0;
    }

    /// <summary>How many records hold the attribute at all.</summary>
    public int Total(Comparison comparison) => _totals[(int)comparison];

    /// <summary>Relative frequency of a value among records that have this attribute, at least 1/total.</summary>
    public double Frequency(Comparison comparison, int value)
    {
        var total = _totals[(int)comparison];
        return total == 0 ? 1 : Math.Max(1, Count(comparison, value)) / (double)total;
    }

    /// <summary>
    /// How many different people hold an identifier value: holders whose first names cannot be one
    /// person's (not equal, a nickname, a typo, an initial or the names swapped) count apart; a holder with
    /// no first name counts as any of them. 1 for a value seen once or only on one person's records.
    /// Valid once <see cref="Complete"/> has run.
    /// </summary>
    public int People(Comparison comparison, int value) =>
        _people.TryGetValue(Key(comparison, value), out var people) ? people
        : Count(comparison, value) == 0 ? 0
        : comparison == Comparison.Email && IsHouseholdMailbox(value) ? HouseholdPeople
        : 1;

    /// <summary>
    /// Whether a mailbox is a household's by its spelling against its holders' names (<see cref="HouseholdMailbox"/>):
    /// it then counts as held by <see cref="HouseholdPeople"/>, however few of the family's members gave it.
    /// Valid once <see cref="Complete"/> has run.
    /// </summary>
    public bool IsHouseholdMailbox(int value) => _householdMailboxes.Contains(value);

    /// <summary>The people a household's mailbox counts as held by: more than one, so it says which family and not which member.</summary>
    public const int HouseholdPeople = 2;

    /// <summary>
    /// Relative frequency of a mailbox name among the distinct mailboxes: the chance that a stranger's
    /// mailbox elsewhere has this name (n.nguyen at another company: high; alexis.johnson728: low).
    /// </summary>
    public double MailboxNameFrequency(string address)
    {
        var total = _totals[(int)Comparison.Email];
        return total == 0 ? 1 : Math.Max(1, _mailboxNames.GetValueOrDefault(MailboxName(address))) / (double)total;
    }

    /// <summary>Share of the distinct mailboxes past which a domain is a mailbox provider rather than an employer.</summary>
    public const double ProviderShare = 0.01;

    /// <summary>Fewest distinct mailboxes a provider hosts: in a small file no domain says what it is.</summary>
    public const int MinProviderMailboxes = 20;

    /// <summary>
    /// Whether an address is at a mailbox provider, as the data shows it: its domain hosts at least
    /// <see cref="ProviderShare"/> of all distinct mailboxes (and <see cref="MinProviderMailboxes"/>). A
    /// customer's mailbox there is a personal one; at an employer's domain it may be a second, work address.
    /// </summary>
    public bool IsAtProvider(string address)
    {
        var mailboxes = _domainMailboxes.GetValueOrDefault(Domain(address));
        return mailboxes >= MinProviderMailboxes && mailboxes >= ProviderShare * _mailboxes;
    }

    private static long Domain(string address) =>
        StableHash.Of(address.AsSpan(address.IndexOf('@', StringComparison.Ordinal) + 1));

    public int FullNameCount(int givenCanonical, int family) => _fullNames.GetValueOrDefault(FullName(givenCanonical, family));

    /// <summary>Relative frequency of a full name (canonical first name and surname) among records with both.</summary>
    public double FullNameFrequency(int givenCanonical, int family) =>
        _fullNameTotal == 0 ? 1 : Math.Max(1, _fullNames.GetValueOrDefault(FullName(givenCanonical, family))) / (double)_fullNameTotal;

    private static long FullName(int givenCanonical, int family) => ((long)givenCanonical << 32) | (uint)family;

    private static long MailboxName(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return StableHash.Of(address.AsSpan(0, Math.Max(0, at)));
    }

    /// <summary>Whether two records' holders could be one person by their names (see <see cref="PersonKey.CouldBe"/>); true when either has no first name.</summary>
    public bool CouldBeOnePerson(in RecordFeatures a, in RecordFeatures b) =>
        a.Given == 0 || b.Given == 0
        || PersonKey.Of(in a).CouldBe(PersonKey.Of(in b), this);

    public void Add(in RecordFeatures record)
    {
        Add(Comparison.GivenName, record.Given);
        Add(Comparison.FamilyName, record.Family);
        if (record.FamilyFirst != record.Family)
        {
            // "garcia lopez" also counts as a holder of "garcia", the surname most systems keep alone.
            Increment(Comparison.FamilyName, record.FamilyFirst);
        }

        if (record.GivenCanonical != 0 && record.Family != 0)
        {
            _fullNameTotal++;
            var name = FullName(record.GivenCanonical, record.Family);
            _fullNames[name] = _fullNames.GetValueOrDefault(name) + 1;
        }

        Add(Comparison.City, record.City);
        Add(Comparison.PostalCode, record.PostalCode);
        var person = PersonKey.Of(in record);
        var holder = -1;
        AddIdentifiers(Comparison.Email, record.Emails, person, ref holder);
        AddIdentifiers(Comparison.Email, record.GmailKeys, person, ref holder, skip: record.Emails);
        AddIdentifiers(Comparison.Phone, record.Phones, person, ref holder);
        AddIdentifier(Comparison.NationalId, record.NationalId, person, ref holder);
        AddIdentifier(Comparison.LoyaltyId, record.LoyaltyId, person, ref holder);
        AddIdentifier(Comparison.ExternalId, record.ExternalId, person, ref holder);
        AddIdentifier(Comparison.SocialHandle, record.SocialHandle, person, ref holder);
    }

    private void AddIdentifiers(Comparison comparison, int[] values, PersonKey person, ref int holder, int[]? skip = null)
    {
        if (values.Length == 0)
        {
            return;
        }

        if (skip is null)
        {
            _totals[(int)comparison]++;
        }

        foreach (var value in values)
        {
            if (skip is null || Array.IndexOf(skip, value) < 0)
            {
                if (comparison == Comparison.Email && skip is null && Count(comparison, value) == 0)
                {
                    var name = MailboxName(_pool[value]);
                    _mailboxNames[name] = _mailboxNames.GetValueOrDefault(name) + 1;
                    var domain = Domain(_pool[value]);
                    _domainMailboxes[domain] = _domainMailboxes.GetValueOrDefault(domain) + 1;
                    _mailboxes++;
                }

                Increment(comparison, value);
                AddHolder(comparison, value, person, ref holder);
            }
        }
    }

    private void AddIdentifier(Comparison comparison, int value, PersonKey person, ref int holder)
    {
        if (value == 0)
        {
            return;
        }

        Add(comparison, value);
        AddHolder(comparison, value, person, ref holder);
    }

    private void AddHolder(Comparison comparison, int value, PersonKey person, ref int holder)
    {
        if (person.Given == 0)
        {
            return;
        }

        if (holder < 0)
        {
            holder = _holders.Count;
            _holders.Add(person);
        }

        var key = Key(comparison, value);
        if (!_firstHolder.TryGetValue(key, out var first))
        {
            _firstHolder[key] = holder;
            return;
        }

        if (_holders[first] == person)
        {
            return;
        }

        if (!_nameVariants.TryGetValue(key, out var variants))
        {
            _nameVariants[key] = [first, holder];
        }
        else if (variants.Count < MaxNameVariants && !variants.Exists(v => _holders[v] == person))
        {
            variants.Add(holder);
        }
    }

    /// <summary>
    /// Counts the people behind each identifier held under several names, once every record is added (so
    /// the count does not depend on the order records came in, and the name frequencies it reads are final).
    /// Names that could be one person's group together, through each other (robert, bob, boby: one); an
    /// initial joins a group it fits but never bridges two (mary, m, michael: two people).
    /// </summary>
    public void Complete()
    {
        _people.Clear();
        foreach (var (key, variants) in _nameVariants)
        {
            var people = CountPeople(variants);
            if (people > 1)
            {
                _people[key] = people;
            }
        }

        FindHouseholdMailboxes();
    }

    private void FindHouseholdMailboxes()
    {
        _householdMailboxes.Clear();
        var holders = new List<HouseholdMailbox.Holder>(MaxNameVariants);
        foreach (var (key, first) in _firstHolder)
        {
            if (key >> 32 != (long)Comparison.Email)
            {
                continue;
            }

            holders.Clear();
            if (_nameVariants.TryGetValue(key, out var variants))
            {
                variants.ForEach(v => holders.Add(HolderName(v)));
            }
            else
            {
                holders.Add(HolderName(first));
            }

            var value = (int)key;
            if (HouseholdMailbox.Is(_pool[value], holders))
            {
                _householdMailboxes.Add(value);
            }
        }
    }

    private HouseholdMailbox.Holder HolderName(int holder)
    {
        var person = _holders[holder];
        return new(_pool[person.Given], _pool[person.GivenCanonical], person.Family == 0 ? null : _pool[person.Family]);
    }

    private int CountPeople(List<int> variants)
    {
        Span<int> group = stackalloc int[variants.Count];
        var people = 0;
        for (var i = 0; i < variants.Count; i++)
        {
            group[i] = i;
            if (IsInitial(variants[i]))
            {
                continue;
            }

            people++;
            for (var j = 0; j < i; j++)
            {
                if (!IsInitial(variants[j]) && Root(group, i) != Root(group, j) && _holders[variants[i]].CouldBe(_holders[variants[j]], this))
                {
                    group[Root(group, i)] = Root(group, j);
                    people--;
                }
            }
        }

        // Initials that fit none of the full names are people of their own, one per letter.
        Span<bool> letters = stackalloc bool[26];
        foreach (var initial in variants)
        {
            if (IsInitial(initial) && !variants.Exists(v => !IsInitial(v) && _holders[initial].CouldBe(_holders[v], this)))
            {
                var letter = _pool[_holders[initial].Given][0] - 'a';
                if (letter is >= 0 and < 26 && !letters[letter])
                {
                    letters[letter] = true;
                    people++;
                }
            }
        }

        return people;
    }

    private bool IsInitial(int holder) => _pool[_holders[holder].Given].Length == 1;

    private static int Root(Span<int> group, int i)
    {
        while (group[i] != i)
        {
            i = group[i];
        }

        return i;
    }

    private static long Key(Comparison comparison, int value) => ((long)comparison << 32) | (uint)value;

    private void Add(Comparison comparison, int value)
    {
        if (value == 0)
        {
            return;
        }

        _totals[(int)comparison]++;
        Increment(comparison, value);
    }

    private void Increment(Comparison comparison, int value)
    {
        if (value == 0)
        {
            return;
        }

        ref var counts = ref _counts[(int)comparison];
        if (value >= counts.Length)
        {
            Array.Resize(ref counts, Math.Max(value + 1, counts.Length * 2));
        }

        counts[value]++;
    }

    /// <summary>
    /// Whether a name given alone is far more often a surname in this data than a first name (nguyen, do,
    /// wolff): counted when asked, so the answer follows the data as it grows.
    /// </summary>
    private bool ReadsAsSurname(int name) => NameWordRoles.MostlyWritten(Count(Comparison.FamilyName, name), Count(Comparison.GivenName, name));

    /// <summary>
    /// One letter apart, one of them a spelling at least <see cref="MisspellingRarity"/> times rarer than the other
    /// (miph / minh, rrta / rita): a typo, which Jaro-Winkler misses on short names. Two common names one letter
    /// apart (john / joan, dana / dina) stay two people.
    /// </summary>
    private bool RareMisspelling(int given, int otherGiven, string x, string y)
    {
        if (Math.Min(x.Length, y.Length) < 4 || StringSimilarity.BoundedEditDistance(x, y, 1) > 1)
        {
            return false;
        }

        return OneIsRarer(given, otherGiven);
    }

    /// <summary>
    /// One of two first names, the rarer by <see cref="MisspellingRarity"/> as a misspelling is, one slip from a
    /// nickname or formal form of the other (ptricia / patty, jmimy / jim, mkie / michael).
    /// </summary>
    private bool RareMistypedNickname(int given, int otherGiven, string x, string y)
    {
        if (!OneIsRarer(given, otherGiven))
        {
            return false;
        }

        var rarer = Count(Comparison.GivenName, given) <= Count(Comparison.GivenName, otherGiven);
        return rarer ? GivenNames.MayBeMistypedOf(x, y) : GivenNames.MayBeMistypedOf(y, x);
    }

    /// <summary>
    /// Whether one of two first names is at least <see cref="MisspellingRarity"/> times rarer than the other, as a
    /// misspelling is (nicle / nicole); two names both in common use (louis / louise, charles / charlene) are two names.
    /// </summary>
    public bool OneIsRarer(int given, int otherGiven)
    {
        var (count, otherCount) = (Count(Comparison.GivenName, given), Count(Comparison.GivenName, otherGiven));
        return Math.Min(count, otherCount) * MisspellingRarity <= Math.Max(count, otherCount);
    }

    private const int MisspellingRarity = 5;

    /// <summary>Jaro-Winkler at which two first names may be one name mistyped; below it karen / carmen (0.82), siblings.</summary>
    private const double SimilarNames = 0.88;

    /// <summary>A name written where the other record has <paramref name="otherName"/>: the same or a nickname, or its initial (NGUYEN P / pamela nguyen).</summary>
    private static bool Swapped(string name, int otherName, StringPool pool) =>
        otherName != 0
        && (StringSimilarity.JaroWinkler(name, pool[otherName]) >= SimilarNames || GivenNames.MayBeOneName(name, pool[otherName])
            || (name.Length == 1 && pool[otherName][0] == name[0]));

    /// <summary>At least 80% of the letters in common, counted with repeats (Dice over letter multisets).</summary>
    private static bool SameLetters(string x, string y)
    {
        Span<int> counts = stackalloc int[26];
        foreach (var c in x)
        {
            if (c is >= 'a' and <= 'z')
            {
                counts[c - 'a']++;
            }
        }

        var common = 0;
        foreach (var c in y)
        {
            if (c is >= 'a' and <= 'z' && counts[c - 'a']-- > 0)
            {
                common++;
            }
        }

        return 2.0 * common >= 0.8 * (x.Length + y.Length);
    }

    /// <summary>The name parts that tell the holders of one identifier apart.</summary>
    private readonly record struct PersonKey(int Given, int GivenCanonical, int Family)
    {
        public static PersonKey Of(in RecordFeatures record) => new(record.Given, record.GivenCanonical, record.Family);

        /// <summary>
        /// Whether two named holders could be one person: the same first name, a nickname of it or a word of a compound name (<see cref="GivenNames.MayBeOneName"/>), a typo of either (johny / jack, through john)
        /// (Jaro-Winkler 0.88, or the same letters scrambled: eleanor / nleaeor), a short form (sam / samantha), an initial, or the first
        /// name entered as the other's surname (rosario garcía / garcía charo, through the nickname). Mai and Heather sharing a mailbox are two people.
        /// </summary>
        public bool CouldBe(PersonKey other, TermFrequencies frequencies)
        {
            if (Given == other.Given || GivenCanonical == other.GivenCanonical)
            {
                return true;
            }

            if (Family == 0 && other.Family == 0 && (frequencies.ReadsAsSurname(Given) || frequencies.ReadsAsSurname(other.Given)))
            {
                // "nguyen" alone in a web form's first-name field against "lisa" alone: a surname typed into the
                // wrong field says nothing about the first name, so the two may well be one person.
                return true;
            }

            var pool = frequencies._pool;
            var x = pool[Given];
            var y = pool[other.Given];
            if (x.Length == 1 || y.Length == 1)
            {
                // An initial stands for the name used or the formal one (F for Nando, Fernando).
                return (x.Length == 1 && GivenNames.MayBeInitialOf(x[0], y, pool[other.GivenCanonical]))
                    || (y.Length == 1 && GivenNames.MayBeInitialOf(y[0], x, pool[GivenCanonical]))
                    || EnteredSwapped(this, other, pool) || EnteredSwapped(other, this, pool);
            }

            return GivenNames.MayBeOneName(x, y)
                || StringSimilarity.JaroWinkler(x, y) >= SimilarNames
                || StringSimilarity.JaroWinkler(pool[GivenCanonical], pool[other.GivenCanonical]) >= SimilarNames
                || SameLetters(x, y)
                || frequencies.RareMisspelling(Given, other.Given, x, y)
                || frequencies.RareMistypedNickname(Given, other.Given, x, y)
                || (Math.Min(x.Length, y.Length) >= 3 && (x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal)))
                || EnteredSwapped(this, other, pool)
                || EnteredSwapped(other, this, pool)
                || AWordCouldBe(this, other, frequencies)
                || AWordCouldBe(other, this, frequencies);
        }

        /// <summary>
        /// A first name with a middle name against a single one: one of its words could be the other's name by
        /// the tests above (brad joseph / bvad, a slip of brad). Two compound names are not taken apart: María José
        /// and María Carmen stay two people.
        /// </summary>
        private static bool AWordCouldBe(PersonKey compound, PersonKey single, TermFrequencies frequencies)
        {
            var pool = frequencies._pool;
            var name = pool[compound.Given];
            if (!name.Contains(' ', StringComparison.Ordinal) || pool[single.Given].Contains(' ', StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var range in name.AsSpan().Split(' '))
            {
                var word = name[range];
                var id = pool.Find(word);
                if (id != 0)
                {
                    var canonical = pool.Find(NameNormalizer.CanonicalGivenName(word));
                    if (new PersonKey(id, canonical == 0 ? id : canonical, compound.Family).CouldBe(single, frequencies))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>One's first name is the other's surname, and one's surname (when given) the other's first name.</summary>
        private static bool EnteredSwapped(PersonKey one, PersonKey other, StringPool pool) =>
            Swapped(pool[one.Given], other.Family, pool) && (one.Family == 0 || Swapped(pool[one.Family], other.Given, pool));
    }
}
