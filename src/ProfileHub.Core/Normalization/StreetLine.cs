namespace ProfileHub.Core.Normalization;

/// <summary>
/// The parts <see cref="AddressNormalizer.NormalizeStreet"/> reads from one street line. A line 2 is read
/// without house number or street: Remainder is every word left after its unit was taken.
/// </summary>
internal readonly record struct StreetLine(string? Number, string? Street, string? Unit, string? Remainder)
{
    public static StreetLine Parse(string? line, int maxTokens, bool readNumber = true)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return default;
        }

        var text = new CharBuffer(stackalloc char[128]);
        Span<Range> tokens = stackalloc Range[maxTokens];
        try
        {
            var count = Tokenize(line, ref text, tokens);
            return Read(text.Written, tokens[..count], readNumber);
        }
        finally
        {
            text.Dispose();
        }
    }

    // Folds the line into words separated by one space. '#' and an Australian unit slash ("4/12") are
    // words of their own; a hyphen next to a digit joins the word and is kept only between digits
    // ("12-14" stays a range, "4-B" becomes unit "4b"); apostrophes vanish.
    private static int Tokenize(string line, ref CharBuffer text, Span<Range> tokens)
    {
        Span<char> folded = stackalloc char[TextFolding.MaxExpansion];
        var count = 0;
        var start = -1;
        for (var i = 0; i < line.Length && count < tokens.Length; i++)
        {
            var c = line[i];
            if (TextFolding.IsApostrophe(c))
            {
                continue;
            }

            var inside = i > 0 && i + 1 < line.Length && start >= 0;
            var betweenDigits = inside && char.IsAsciiDigit(line[i - 1]) && char.IsAsciiDigit(line[i + 1]);
            if (c == '-' && inside && char.IsAsciiLetterOrDigit(line[i - 1]) && char.IsAsciiLetterOrDigit(line[i + 1])
                && (char.IsAsciiDigit(line[i - 1]) || char.IsAsciiDigit(line[i + 1])))
            {
                // "12-14" is a range and keeps its hyphen; "4-B" is unit 4b.
                if (betweenDigits)
                {
                    text.Append('-');
                }

                continue;
            }

            // Initialisms keep their letters together: "P.O. Box" → "po box", "U.S. Route" → "us route"
            // (a dot after a one-letter word, before a letter that ends its own word).
            if (c == '.' && start >= 0 && text.Length - start == 1 && i + 1 < line.Length && char.IsLetter(line[i + 1])
                && (i + 2 == line.Length || !char.IsLetterOrDigit(line[i + 2])))
            {
                continue;
            }

            if (c == '#' || (c == '/' && betweenDigits))
            {
                EndToken(ref text, tokens, ref count, ref start);
                if (count < tokens.Length)
                {
                    StartToken(ref text, ref start);
                    text.Append(c);
                    EndToken(ref text, tokens, ref count, ref start);
                }

                continue;
            }

            var n = TextFolding.Fold(c, folded);
            for (var k = 0; k < n; k++)
            {
                if (char.IsLetterOrDigit(folded[k]))
                {
                    if (start < 0)
                    {
                        StartToken(ref text, ref start);
                    }

                    text.Append(folded[k]);
                }
                else
                {
                    EndToken(ref text, tokens, ref count, ref start);
                }
            }
        }

        if (count < tokens.Length)
        {
            EndToken(ref text, tokens, ref count, ref start);
        }

        return count;
    }

    private static void StartToken(ref CharBuffer text, ref int start)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }

        start = text.Length;
    }

    private static void EndToken(ref CharBuffer text, Span<Range> tokens, ref int count, ref int start)
    {
        if (start >= 0)
        {
            tokens[count++] = start..text.Length;
            start = -1;
        }
    }

    private static StreetLine Read(ReadOnlySpan<char> text, Span<Range> tokens, bool readNumber)
    {
        Span<bool> used = stackalloc bool[tokens.Length];
        string? unit = null;
        string? number = null;
        var n = tokens.Length;

        // Australian "4/12 Smith St": unit 4 of number 12.
        if (n >= 3 && text[tokens[1]] is "/" && IsUnitValue(text[tokens[0]]) && IsHouseNumber(text[tokens[2]]))
        {
            unit = text[tokens[0]].ToString();
            number = text[tokens[2]].ToString();
            used[0] = used[1] = used[2] = true;
        }

        string? floor = null;
        for (var i = 0; i + 1 < n; i++)
        {
            if (used[i] || used[i + 1] || !IsUnitValue(text[tokens[i + 1]]))
            {
                continue;
            }

            var word = text[tokens[i]];
            if (StreetVocabulary.IsUnitDesignator(word))
            {
                unit ??= text[tokens[i + 1]].ToString();
            }
            else if (StreetVocabulary.IsFloorDesignator(word))
            {
                floor ??= text[tokens[i + 1]].ToString();
            }
            else
            {
                continue;
            }

            used[i] = used[i + 1] = true;
            i++;
        }

        unit ??= floor is null ? null : "fl " + floor;
        if (readNumber)
        {
            number ??= TakeNumber(text, tokens, used);
        }

        // Line 1 yields the street with canonical words; line 2 (no house number read) the words as written.
        var words = new CharBuffer(stackalloc char[64]);
        try
        {
            for (var i = 0; i < n; i++)
            {
                var word = text[tokens[i]];
                if (used[i] || word is "/" or "#")
                {
                    continue;
                }

                if (readNumber)
                {
                    AppendStreetWord(ref words, word);
                }
                else
                {
                    AppendWord(ref words, word);
                }
            }

            var joined = words.Length == 0 ? null : words.ToString();
            return readNumber ? new StreetLine(number, joined, unit, null) : new StreetLine(null, null, unit, joined);
        }
        finally
        {
            words.Dispose();
        }
    }

    // The house number leads in English-speaking countries ("12 Main St") and follows the street in most
    // of Europe ("Calle Mayor 5", "Hauptstraße 12", "Calle Mayor, nº 5").
    private static string? TakeNumber(ReadOnlySpan<char> text, Span<Range> tokens, Span<bool> used)
    {
        var first = -1;
        var last = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!used[i] && text[tokens[i]] is not ("/" or "#"))
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
            }
        }

        if (first < 0)
        {
            return null;
        }

        var at = IsHouseNumber(text[tokens[first]]) ? first
            : last != first && IsHouseNumber(text[tokens[last]]) ? last
            : -1;
        if (at < 0)
        {
            return null;
        }

        used[at] = true;
        if (at > 0 && !used[at - 1] && text[tokens[at - 1]] is "no" or "n" or "num" or "numero" or "nro")
        {
            used[at - 1] = true;
        }

        return text[tokens[at]].ToString();
    }

    private static void AppendStreetWord(ref CharBuffer street, ReadOnlySpan<char> word)
    {
        // German compounds carry the type as a suffix: "hauptstrasse" (from Hauptstraße), "hauptstr".
        foreach (var suffix in (ReadOnlySpan<string>)["strasse", "str"])
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                AppendWord(ref street, word[..^suffix.Length]);
                AppendWord(ref street, "st");
                return;
            }
        }

        AppendWord(ref street, StreetVocabulary.Canonical(word));
    }

    private static void AppendWord(ref CharBuffer buffer, ReadOnlySpan<char> word)
    {
        if (buffer.Length > 0)
        {
            buffer.Append(' ');
        }

        buffer.Append(word);
    }

    // 12, 12a, 12-14: digits first, at most one trailing letter (so "5th" is an ordinal street name).
    private static bool IsHouseNumber(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || !char.IsAsciiDigit(word[0]))
        {
            return false;
        }

        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c) || c == '-')
            {
                if (letters > 0)
                {
                    return false;
                }
            }
            else if (++letters > 1)
            {
                return false;
            }
        }

        return true;
    }

    // A unit identifier: short and containing a digit ("4b", "12", "200"), or a single letter ("b").
    private static bool IsUnitValue(ReadOnlySpan<char> word) =>
        word.Length is > 0 and <= 8 && word is not ("/" or "#") && (word.Length == 1 || word.ContainsAnyInRange('0', '9'));
}
