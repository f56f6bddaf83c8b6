namespace ProfileHub.Core.Normalization;

/// <summary>A person's name split into its parts, each in <see cref="NameNormalizer.Normalize"/> form.</summary>
public sealed record PersonName(string? Given, string? Middle, string? Family)
{
    public static PersonName Empty { get; } = new(null, null, null);
}

public static class NameNormalizer
{
    // Words of a full name Parse reads at most; the rest of a longer text is ignored.
    private const int MaxWords = 16;

    /// <summary>
    /// Lower case, accents folded (é → e, ß → ss, ø → o, İ/ı → i), digits and punctuation removed,
    /// apostrophes joined (o'brien → obrien), hyphens and other separators one space (jean-luc → jean luc),
    /// invisible characters (zero-width, soft hyphen) removed; null when nothing is left.
    /// </summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var buffer = new CharBuffer(stackalloc char[128]);
        try
        {
            TextFolding.AppendWords(raw, ref buffer, keepDigits: false, joinDots: false);
            return buffer.Length == 0 ? null : buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// The given name a diminutive stands for (bob → robert, peggy → margaret, paco → francisco); the
    /// name itself when it is not in the table. Expects <see cref="Normalize"/> output.
    /// </summary>
    public static string CanonicalGivenName(string normalizedGivenName)
    {
        ArgumentNullException.ThrowIfNull(normalizedGivenName);
        return GivenNames.TryFind(normalizedGivenName, out var canonical) ? canonical : normalizedGivenName;
    }

    /// <summary>
    /// Splits "Smith, John", "John Smith" and "Dr. John A. Smith Jr." into given, middle and family names;
    /// titles and generational or academic suffixes are dropped, and family-name particles stay with the
    /// family name ("Ludwig van Beethoven" → family "van beethoven"). Hyphenated parts stay one part
    /// ("Jean-Luc" → given "jean luc").
    /// </summary>
    public static PersonName Parse(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return PersonName.Empty;
        }

        var comma = fullName.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            var before = fullName.AsSpan(0, comma);
            var after = fullName.AsSpan(comma + 1);
            // "John Smith, Jr." and "John Smith, PhD": the comma only sets off a suffix.
            if (!NameWords.HasOnlyAffixes(after))
            {
                var family = NameWords.Read(before, MaxWords);
                var rest = NameWords.Read(after, MaxWords);
                return rest.Count == 0
                    ? new PersonName(null, null, family.JoinAll())
                    : new PersonName(rest.First, rest.Middle(1), family.JoinAll());
            }

            fullName = fullName[..comma];
        }

        var words = NameWords.Read(fullName, MaxWords);
        if (words.Count == 0)
        {
            return PersonName.Empty;
        }

        if (words.Count == 1)
        {
            return new PersonName(words.First, null, null);
        }

        var familyStart = words.FamilyStart();
        return new PersonName(words.First, words.Join(1, familyStart), words.Join(familyStart, words.Count));
    }
}
