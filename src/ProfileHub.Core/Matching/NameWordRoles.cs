using System.Runtime.InteropServices;

namespace ProfileHub.Core.Matching;

/// <summary>
/// Whether the middle word of a name read from one full-name field is a second given name or a first
/// surname, as the data says: how often the word is written as a first name and as a last name across
/// the records being matched. "Ana Ledesma Arce" is a Spanish given name and two surnames (family
/// "ledesma arce", which a record holding only "Ledesma" matches as one of the two), while "Maria Jose
/// Garcia" and "John Michael Smith" keep family "garcia" and "smith". A word the data has not seen, or
/// sees as often as a first name, stays a middle name, as the parser reads it.
/// Counted once over every record of a run, before any is settled, so batch resolve, the seeded index
/// (stored and incoming records) and a one-record replay against a trained run read a name alike.
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
        _lookup.TryGetValue(word, out var count) && count.Family > 2 * count.Given;

    /// <summary>
    /// Moves the last middle word of a full name into the family name when it reads as a surname. Idempotent:
    /// the moved word leaves the middle.
    /// </summary>
    public void Settle(NormalizedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Middle is not { } middle || record.Family is null)
        {
            return;
        }

        var space = middle.LastIndexOf(' ');
        var word = middle.AsSpan(space + 1);
        if (!ReadsAsSurname(word))
        {
            return;
        }

        record.Family = string.Concat(word, " ", record.Family);
        record.FamilyCode = Nysiis.Encode(record.Family);
        record.Middle = space < 0 ? null : middle[..space];
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
