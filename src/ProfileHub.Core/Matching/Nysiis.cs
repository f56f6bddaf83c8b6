namespace ProfileHub.Core.Matching;

/// <summary>
/// The NYSIIS phonetic code (New York State Identification and Intelligence System, Taft 1970),
/// used as a blocking key so "Catherine" and "Kathryn" or "Smith" and "Smyth" share a block.
/// Non-letters are ignored; the original algorithm's six-character truncation is applied.
/// </summary>
internal static class Nysiis
{
    public const int MaxCodeLength = 6;

    public static string Encode(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        Span<char> word = stackalloc char[Math.Min(name.Length, StringSimilarity.MaxLength)];
        var length = 0;
        foreach (var c in name)
        {
            if (length == word.Length)
            {
                break;
            }

            var upper = char.ToUpperInvariant(c);
            if (upper is >= 'A' and <= 'Z')
            {
                word[length++] = upper;
            }
        }

        if (length == 0)
        {
            return string.Empty;
        }

        var w = word[..length];
        length = TranslateFirstCharacters(w);
        w = w[..length];
        length = TranslateLastCharacters(w);
        w = w[..length];

        Span<char> key = stackalloc char[w.Length + 2];
        var keyLength = 0;
        key[keyLength++] = w[0];
        Span<char> replacement = stackalloc char[3];
        for (var i = 1; i < w.Length; i++)
        {
            var replacementLength = TranslateAt(w, i, replacement, out var consumed);
            for (var r = 0; r < replacementLength; r++)
            {
                if (key[keyLength - 1] != replacement[r])
                {
                    key[keyLength++] = replacement[r];
                }
            }

            i += consumed - 1;
        }

        if (keyLength > 1 && key[keyLength - 1] == 'S')
        {
            keyLength--;
        }

        if (keyLength > 2 && key[keyLength - 2] == 'A' && key[keyLength - 1] == 'Y')
        {
            key[keyLength - 2] = 'Y';
            keyLength--;
        }

        if (keyLength > 1 && key[keyLength - 1] == 'A')
        {
            keyLength--;
        }

        return new string(key[..Math.Min(keyLength, MaxCodeLength)]);
    }

    private static int TranslateFirstCharacters(Span<char> w)
    {
        if (w.StartsWith("MAC"))
        {
            w[1] = 'C';
        }
        else if (w.StartsWith("KN"))
        {
            w[0] = 'N';
        }
        else if (w.StartsWith("K"))
        {
            w[0] = 'C';
        }
        else if (w.StartsWith("PH") || w.StartsWith("PF"))
        {
            w[0] = 'F';
            w[1] = 'F';
        }
        else if (w.StartsWith("SCH"))
        {
            w[1] = 'S';
            w[2] = 'S';
        }

        return w.Length;
    }

    private static int TranslateLastCharacters(Span<char> w)
    {
        if (w.EndsWith("EE") || w.EndsWith("IE"))
        {
            w[^2] = 'Y';
            return w.Length - 1;
        }

        if (w.EndsWith("DT") || w.EndsWith("RT") || w.EndsWith("RD") || w.EndsWith("NT") || w.EndsWith("ND"))
        {
            w[^2] = 'D';
            return w.Length - 1;
        }

        return w.Length;
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';

    /// <summary>Writes the code for the letters at <paramref name="i"/>; returns how many it wrote.</summary>
    private static int TranslateAt(ReadOnlySpan<char> w, int i, Span<char> output, out int consumed)
    {
        consumed = 1;
        var c = w[i];
        var rest = w[i..];
        if (rest.StartsWith("EV"))
        {
            output[0] = 'A';
            output[1] = 'F';
            consumed = 2;
            return 2;
        }

        if (IsVowel(c))
        {
            output[0] = 'A';
            return 1;
        }

        if (rest.StartsWith("SCH"))
        {
            output[0] = 'S';
            output[1] = 'S';
            output[2] = 'S';
            consumed = 3;
            return 3;
        }

        if (rest.StartsWith("KN"))
        {
            output[0] = 'N';
            output[1] = 'N';
            consumed = 2;
            return 2;
        }

        if (rest.StartsWith("PH"))
        {
            output[0] = 'F';
            output[1] = 'F';
            consumed = 2;
            return 2;
        }

        switch (c)
        {
            case 'Q':
                output[0] = 'G';
                return 1;
            case 'Z':
                output[0] = 'S';
                return 1;
            case 'M':
                output[0] = 'N';
                return 1;
            case 'K':
                output[0] = 'C';
                return 1;
            case 'H' when !IsVowel(w[i - 1]) || (i + 1 < w.Length && !IsVowel(w[i + 1])) || i + 1 == w.Length:
                output[0] = w[i - 1];
                return 1;
            case 'W' when IsVowel(w[i - 1]):
                output[0] = w[i - 1];
                return 1;
            default:
                output[0] = c;
                return 1;
        }
    }
}
