using ProfileHub.Core.Normalization;

namespace ProfileHub.Core.Matching;

/// <summary>
/// A household's mailbox, told by how it is spelled against the names of the records that give it: it spells a
/// holder's surname with other letters beside it (thenguyens, nguyenfamily168, familiagarcia, garcialopez on a
/// record keeping García alone) and names none of its holders: no first name, nickname, initial or near-miss of
/// one (dnguyen, nguyen.dat, bobpham for Robert Pham, ana.garcia.lopez and jery.nguyen for Jerry Nguyen are
/// personal). Everyone keeps one personal mailbox; a family's says which household a record comes from, not which
/// member, so <see cref="TermFrequencies.People"/> counts it as several people's.
/// </summary>
internal static class HouseholdMailbox
{
    /// <summary>A holder's name as its record gives it: first name, its canonical form, and the surname(s) or null.</summary>
    public readonly record struct Holder(string Given, string Canonical, string? Family);

    /// <summary>
    /// Whether the mailbox spells a holder's surname beside other letters and names none of the holders. A mailbox
    /// that spells a surname alone (nguyen80) or no surname at all is not told apart: it stays personal.
    /// </summary>
    public static bool Is(string address, IReadOnlyList<Holder> holders)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(holders);
        Span<char> buffer = stackalloc char[Math.Min(address.Length, 256)];
        var letters = Letters(address, buffer);
        var spellsSurname = false;
        Span<char> restBuffer = stackalloc char[letters.Length];
        foreach (var holder in holders)
        {
            // The whole mailbox is tried too: a short surname may hide inside a first name (le in darlene1943).
            var rest = WithoutSurnames(letters, holder.Family, restBuffer, out var removed);
            if (Names(rest, holder) || (removed && rest.IsEmpty) || Names(letters, holder))
            {
                return false;
            }

            spellsSurname |= removed;
        }

        return spellsSurname;
    }

    /// <summary>The lower-case letters of the mailbox name, before any '+' tag: digits and punctuation dropped.</summary>
    private static ReadOnlySpan<char> Letters(string address, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in address)
        {
            if (c is '@' or '+' || length == buffer.Length)
            {
                break;
            }

            if (char.IsAsciiLetterLower(c))
            {
                buffer[length++] = c;
            }
        }

        return buffer[..length];
    }

    /// <summary>The letters with the first occurrence of each surname word (two letters or more) taken out.</summary>
    private static ReadOnlySpan<char> WithoutSurnames(ReadOnlySpan<char> letters, string? family, Span<char> buffer, out bool removed)
    {
        letters.CopyTo(buffer);
        var rest = buffer[..letters.Length];
        removed = false;
        if (family is null)
        {
            return rest;
        }

        foreach (var range in family.AsSpan().Split(' '))
        {
            var word = family.AsSpan()[range];
            var at = word.Length < 2 ? -1 : rest.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                rest[(at + word.Length)..].CopyTo(rest[at..]);
                rest = rest[..^word.Length];
                removed = true;
            }
        }

        return rest;
    }

    /// <summary>
    /// Whether the letters left name the holder: the first name, its canonical form or a nickname of it, or its
    /// initial alone; a name of three letters or more may stand at either end (ana + lopez); one slip is a typo.
    /// </summary>
    private static bool Names(ReadOnlySpan<char> rest, Holder holder)
    {
        if (rest.IsEmpty)
        {
            return false;
        }

        if (rest.Length == 1)
        {
            return GivenNames.MayBeInitialOf(rest[0], holder.Given, holder.Canonical);
        }

        if (holder.Given.Length == 1)
        {
            // "J Nguyen" at johnnguyen: the record kept the initial of the name the mailbox spells.
            return rest[0] == holder.Given[0] || rest[^1] == holder.Given[0];
        }

        return Spells(rest, holder.Given.Replace(" ", string.Empty, StringComparison.Ordinal))
            || Spells(rest, holder.Canonical)
            || GivenNames.MayBeOneName(rest.ToString(), holder.Given)
            || (holder.Given.Length >= 4 && StringSimilarity.BoundedEditDistance(rest, holder.Given, 1) <= 1);
    }

    private static bool Spells(ReadOnlySpan<char> rest, string name) =>
        rest.SequenceEqual(name)
        || (name.Length >= 3 && (rest.StartsWith(name, StringComparison.Ordinal) || rest.EndsWith(name, StringComparison.Ordinal)));
}
