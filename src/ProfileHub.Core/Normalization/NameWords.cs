using System.Runtime.InteropServices;

namespace ProfileHub.Core.Normalization;

/// <summary>The normalized words of a written name with its titles and suffixes taken off.</summary>
internal sealed class NameWords
{
    // Titles lead a name, suffixes end it (English and Spanish forms, after normalization).
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady",
        "rev", "reverend", "fr", "father", "hon", "capt", "captain", "col", "gen", "lt", "sgt", "mstr", "master",
        "sr", "sra", "srta", "senor", "senora", "senorita", "don", "dona", "dra", "lic", "ing",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "jr", "jnr", "junior", "sr", "snr", "senior", "ii", "iii", "iv", "phd", "md", "dds", "esq", "mba", "cpa",
        "rn", "obe", "mbe", "cbe", "qc", "kc",
    };

    // Lower-case particles that belong to the family name that follows them.
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "la", "le", "da", "di", "du", "dos", "das", "do",
        "ter", "ten", "bin", "ibn", "al", "el", "y", "st",
    };

    private readonly List<string> _words;

    private NameWords(List<string> words) => _words = words;

    public int Count => _words.Count;

    public string? First => _words.Count > 0 ? _words[0] : null;

    public static bool HasOnlyAffixes(ReadOnlySpan<char> text)
    {
        var any = false;
        var position = 0;
        while (NextWord(text, ref position) is { } range)
        {
            var normalized = NameNormalizer.Normalize(text[range].ToString());
            if (normalized is null)
            {
                continue;
            }

            if (!Suffixes.Contains(normalized))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>Normalizes each whitespace-separated word and drops titles (leading) and suffixes (trailing).</summary>
    public static NameWords Read(ReadOnlySpan<char> text, int maxWords)
    {
        var words = new List<string>(4);
        var position = 0;
        while (words.Count < maxWords && NextWord(text, ref position) is { } range)
        {
            var normalized = NameNormalizer.Normalize(text[range].ToString());
            if (normalized is not null)
            {
                words.Add(normalized);
            }
        }

        var start = 0;
        while (start < words.Count - 1 && Titles.Contains(words[start].Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            start++;
        }

        var end = words.Count;
        while (end - 1 > start && Suffixes.Contains(words[end - 1]))
        {
            end--;
        }

        return new NameWords(words.GetRange(start, end - start));
    }

    // Words are separated by any Unicode white space (NBSP, ideographic space, line breaks); a hyphen
    // does not separate them, so "Jean-Luc" stays one given name.
    private static Range? NextWord(ReadOnlySpan<char> text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position == text.Length)
        {
            return null;
        }

        var start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return start..position;
    }

    /// <summary>Index of the family name's first word: the last word and the particles just before it.</summary>
    public int FamilyStart()
    {
        var start = _words.Count - 1;
        while (start > 1 && Particles.Contains(_words[start - 1]))
        {
            start--;
        }

        return start;
    }

    public string? Middle(int from) => Join(from, _words.Count);

    public string? JoinAll() => Join(0, _words.Count);

    public string? Join(int from, int to) =>
        from >= to ? null : string.Join(' ', (ReadOnlySpan<string?>)CollectionsMarshal.AsSpan(_words)[from..to]);
}
