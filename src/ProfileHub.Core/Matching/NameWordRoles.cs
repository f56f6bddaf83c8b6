using System.Runtime.InteropServices;
using ProfileHub.Core.Normalization;

namespace ProfileHub.Core.Matching;

/// <summary>
/// How to read a name that came in one full-name field, or that only a mailbox spells, as the data writes its
/// words: how often each word is written as a first name and as a last name across the records being matched. The parser alone reads
/// "Ana María Mora Castillo" as given "ana", middle "maria mora", family "castillo"; Spanish names are a given
/// name (often compound) and two surnames, so here it becomes given "ana maria", family "mora castillo", which
/// a record holding "ANA MARIA" / "MORA" matches (the first of two surnames). "John Michael Smith" keeps family
/// "smith"; a display name of surnames only ("León Vidal") has no given name. A word the data has not seen,
/// or sees as often in both fields, stays as the parser read it.
/// Counted once over every record of a run, before any is settled, so batch resolve, the seeded index (stored
/// and incoming records) and a one-record replay against a trained run read a name alike.
/// </summary>
internal sealed class NameWordRoles
{
    private readonly Dictionary<string, (int Given, int Family)> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Given, int Family)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private NameWordRoles()
    {
        _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Counts the words of every record's given and family names (as read, before any record is settled).</summary>
    public static NameWordRoles Count(IEnumerable<NormalizedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var roles = new NameWordRoles();
        foreach (var record in records)
        {
            roles.CountWords(record.Given, given: true);
            roles.CountWords(record.Family, given: false);
        }

        return roles;
    }

    /// <summary>A word written as a last name more than twice as often as a first name (as <see cref="TermFrequencies"/> reads a lone first-name field).</summary>
    public bool ReadsAsSurname(ReadOnlySpan<char> word) =>
        _lookup.TryGetValue(word, out var count) && MostlyWritten(count.Family, count.Given);

    /// <summary>A word written as a first name more than twice as often as a last name.</summary>
    public bool ReadsAsGivenName(ReadOnlySpan<char> word) =>
        _lookup.TryGetValue(word, out var count) && MostlyWritten(count.Given, count.Family);

    /// <summary>The one rule for a name's role in the data: written one way more than twice as often as the other.</summary>
    public static bool MostlyWritten(int asThisRole, int asOtherRole) => asThisRole > 2 * asOtherRole;

    /// <summary>
    /// Reads a full name's words as the data writes them: the last middle word joins the family name when it
    /// reads as a surname; the middle words left join the given name when each reads as a given name; two or
    /// more words that all read as surnames are the family name alone. A record with no name at all whose
    /// mailbox is one (<see cref="NameInMailbox"/>) is read as that name. Once per record: settling again changes nothing.
    /// </summary>
    public void Settle(NormalizedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.NamesFromFullName)
        {
            SettleFullName(record);
        }

        if (record.Family is null)
        {
            ReadMailbox(record);
        }
    }

    private void SettleFullName(NormalizedRecord record)
    {
        record.NamesFromFullName = false;
        var (given, middle, family) = (record.Given, record.Middle, record.Family);
        if (middle is not null && family is not null)
        {
            var space = middle.LastIndexOf(' ');
            var last = middle.AsSpan(space + 1);
            if (ReadsAsSurname(last))
            {
                family = string.Concat(last, " ", family);
                middle = space < 0 ? null : middle[..space];
            }
        }

        if (middle is not null && given is not null && All(middle, ReadsAsGivenName))
        {
            given = string.Concat(given, " ", middle);
            middle = null;
        }

        if (middle is null && given is not null && family is not null && ReadsAsSurname(given) && All(family, ReadsAsSurname))
        {
            family = string.Concat(given, " ", family);
            given = null;
        }

        record.Middle = middle;
        if (given != record.Given || family != record.Family)
        {
            FeatureExtractor.SetNames(record, given, family);
        }
    }

    /// <summary>
    /// A nameless record (a newsletter sign-up, an ad lead) whose mailbox is its owner's name: "raymondquiroz69",
    /// "turner.vy428", "nbruen101" read as raymond quiroz, vy turner, n bruen; a record with only a first name takes
    /// the surname of a mailbox whose first name or initial is its own (Shirley at s.bethke@keystonetech.com). The name is weak evidence, as any
    /// name is: it lets the record meet and attach to the one profile it fits, never join two (LoneRecordAttachment);
    /// and against a record that gives a mailbox too it counts nothing, the mailboxes being compared already
    /// (<see cref="PairScorer"/>).
    /// </summary>
    private void ReadMailbox(NormalizedRecord record)
    {
        foreach (var email in record.Emails)
        {
            if (TakeName(record, email))
            {
                record.NamesFromMailbox = true;
                return;
            }
        }

        // A social profile's handle, unique on its platform, spells its owner's name as often as a mailbox does
        // (@gloria.wiza, @nicolegamper); it compares only with handles, so the name it gives is no repeat.
        if (record.SocialHandle is { } handle)
        {
            TakeName(record, handle);
        }
    }

    private bool TakeName(NormalizedRecord record, string spelling)
    {
        if (NameInMailbox(spelling) is var (given, family) && (record.Given is null || Fits(given, record.Given, record.GivenCanonical!)))
        {
            FeatureExtractor.SetNames(record, record.Given ?? given, family);
            return true;
        }

        return false;
    }

    /// <summary>Whether a mailbox's first name (or initial) is the record's own (shirley: s.bethke; tony: a.najera, through anthony).</summary>
    private static bool Fits(string mailboxGiven, string given, string canonical) =>
        mailboxGiven.Length == 1 ? GivenNames.MayBeInitialOf(mailboxGiven[0], given, canonical) : mailboxGiven == given || mailboxGiven == canonical;

    /// <summary>
    /// The one reading of a mailbox name (before any '+' tag, digits dropped) or a handle as a first name or its initial and a
    /// surname, each as the data writes it: two parts split at a dot, dash or underscore, in either order, or one
    /// run of letters split where exactly one split fits. Null when none or several fit ("jle": j + le, or no name).
    /// </summary>
    public (string Given, string Family)? NameInMailbox(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var end = address.AsSpan().IndexOfAny('@', '+');
        Span<char> letters = stackalloc char[end < 0 ? address.Length : end];
        var length = 0;
        var separator = -1;
        var parts = 1;
        foreach (var c in address.AsSpan(0, letters.Length))
        {
            if (char.IsAsciiLetterLower(c))
            {
                letters[length++] = c;
            }
            else if (c is '.' or '_' or '-' && length > 0 && separator != length)
            {
                separator = length;
                parts++;
            }
        }

        var name = letters[..length];

        // A mailbox that spells one name word (joanne951, nguyen.80) is no given name and surname, however its
        // letters split: joanne is not "anne jo", nor nguyen "uyen ng", when Jo and Ng are surnames in the data.
        if (length < MinMailboxName || parts > 2 || IsNameWord(name))
        {
            return null;
        }

        (string, string)? found = null;
        var readings = 0;
        for (var split = 1; split < length; split++)
        {
            if (parts == 2 && split != separator)
            {
                continue;
            }

            Reads(name[..split], name[split..], ref found, ref readings);
            Reads(name[split..], name[..split], ref found, ref readings);
            if (readings > 1)
            {
                return null;
            }
        }

        return readings == 1 ? found : null;
    }

    private bool IsNameWord(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var count) && count.Given + count.Family > 0;

    /// <summary>Shortest mailbox name read as a name: "jle" says too little.</summary>
    private const int MinMailboxName = 4;

    private void Reads(ReadOnlySpan<char> given, ReadOnlySpan<char> family, ref (string, string)? found, ref int readings)
    {
        if (family.Length >= 2 && ReadsAsSurname(family) && (given.Length == 1 || ReadsAsGivenName(given)))
        {
            found = (given.ToString(), family.ToString());
            readings++;
        }
    }

    private delegate bool WordTest(ReadOnlySpan<char> word);

    private static bool All(string words, WordTest test)
    {
        foreach (var range in words.AsSpan().Split(' '))
        {
            if (!test(words.AsSpan()[range]))
            {
                return false;
            }
        }

        return true;
    }

    private void CountWords(string? name, bool given)
    {
        if (name is null)
        {
            return;
        }

        foreach (var range in name.AsSpan().Split(' '))
        {
            var word = name.AsSpan()[range];
            if (word.IsEmpty)
            {
                continue;
            }

            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, word, out _);
            count = given ? (count.Given + 1, count.Family) : (count.Given, count.Family + 1);
        }
    }
}
