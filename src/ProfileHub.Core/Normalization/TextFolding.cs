using System.Globalization;
using System.Text;

namespace ProfileHub.Core.Normalization;

/// <summary>
/// Lower-cases and strips diacritics one character at a time. The mapping for the Latin, Greek and
/// Cyrillic blocks is computed once into a table, so the per-character cost on the matching hot path
/// is an array read instead of a <see cref="string.Normalize(NormalizationForm)"/> call per value.
/// </summary>
internal static class TextFolding
{
    // Covers Latin-1, Latin Extended A/B, IPA, combining marks, Greek, Cyrillic, Latin Extended
    // Additional (Vietnamese) and General Punctuation (NBSP-like spaces, zero-width characters).
    private const int TableSize = 0x2100;

    // Letters whose decomposition does not reach a base letter, and Russian ё, commonly written е.
    private const string SpecialLetters =
        "ß=ss ẞ=ss æ=ae Æ=ae œ=oe Œ=oe ø=o Ø=o đ=d Đ=d ð=d Ð=d ł=l Ł=l þ=th Þ=th ı=i İ=i ħ=h Ħ=h ŀ=l Ŀ=l " +
        "ĳ=ij Ĳ=ij ŋ=n Ŋ=n ſ=s ƒ=f ɨ=i ʉ=u ё=е Ё=е";

    private static readonly string?[] Table = BuildTable();

    /// <summary>The most characters <see cref="Fold"/> writes for one input character.</summary>
    public const int MaxExpansion = 3;

    /// <summary>
    /// Writes the folded form of <paramref name="c"/> to <paramref name="destination"/> (at least
    /// <see cref="MaxExpansion"/> long) and returns how many characters it wrote: 0 for combining marks
    /// and invisible format characters (zero-width space, soft hyphen, BOM), a single ' ' for any
    /// Unicode space or line break, otherwise the lower-case letter(s) without accents.
    /// </summary>
    public static int Fold(char c, Span<char> destination)
    {
        if (c < 0x80)
        {
            if ((uint)(c - 'A') <= 'Z' - 'A')
            {
                destination[0] = (char)(c | 0x20);
                return 1;
            }

            if (c <= ' ' || c == 0x7F)
            {
                return AsciiControl(c, destination);
            }

            destination[0] = c;
            return 1;
        }

        if (c < TableSize)
        {
            var mapped = Table[c];
            if (mapped is not null)
            {
                mapped.CopyTo(destination);
                return mapped.Length;
            }

            destination[0] = c;
            return 1;
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            // Fullwidth ASCII (common in East Asian input methods) folds to its ASCII counterpart.
            return Fold((char)(c - 0xFEE0), destination);
        }

        return FoldRare(c, destination);
    }

    /// <summary>True for the characters <see cref="Fold"/> drops entirely (marks, zero-width characters).</summary>
    public static bool IsInvisible(char c) => c >= 0x80 && c < TableSize
        ? Table[c] is { Length: 0 }
        : CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark;

    /// <summary>
    /// Appends the words of <paramref name="raw"/> to <paramref name="output"/>: folded (see <see cref="Fold"/>),
    /// letters kept, digits kept only when <paramref name="keepDigits"/> (otherwise removed without a break),
    /// apostrophes removed so the word stays whole (o'brien → obrien), dots removed too when
    /// <paramref name="joinDots"/> (u.s.a. → usa), every other character a word break; one space between words.
    /// </summary>
    public static void AppendWords(ReadOnlySpan<char> raw, ref CharBuffer output, bool keepDigits, bool joinDots)
    {
        Span<char> folded = stackalloc char[MaxExpansion];
        var pendingSpace = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (IsApostrophe(c) || (joinDots && c == '.'))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                // Letters outside the BMP (CJK extensions, historic scripts) are kept as they are.
                var isLetter = Rune.IsLetter(new Rune(c, raw[i + 1]));
                if (isLetter)
                {
                    AppendWordChar(ref output, ref pendingSpace, c);
                    output.Append(raw[i + 1]);
                }
                else
                {
                    pendingSpace = true;
                }

                i++;
                continue;
            }

            var n = Fold(c, folded);
            for (var k = 0; k < n; k++)
            {
                var f = folded[k];
                if (char.IsAsciiDigit(f) || (f >= 0x80 && char.IsDigit(f)))
                {
                    if (keepDigits)
                    {
                        AppendWordChar(ref output, ref pendingSpace, f);
                    }
                }
                else if (char.IsLetter(f))
                {
                    AppendWordChar(ref output, ref pendingSpace, f);
                }
                else
                {
                    pendingSpace = true;
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="text"/> without unpaired surrogate halves, which Unicode normalization rejects; the
    /// same instance when there are none (the usual case).
    /// </summary>
    public static string WithoutLoneSurrogates(string text)
    {
        var lone = FirstLoneSurrogate(text);
        if (lone < 0)
        {
            return text;
        }

        var buffer = new CharBuffer(stackalloc char[64]);
        try
        {
            buffer.Append(text.AsSpan(0, lone));
            for (var i = lone; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    buffer.Append(text.AsSpan(i++, 2));
                }
                else if (!char.IsSurrogate(c))
                {
                    buffer.Append(c);
                }
            }

            return buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Straight and typographic apostrophes, and the accents people type in their place.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' or '\u02B9';

    private static void AppendWordChar(ref CharBuffer output, ref bool pendingSpace, char c)
    {
        if (pendingSpace && output.Length > 0)
        {
            output.Append(' ');
        }

        pendingSpace = false;
        output.Append(c);
    }

    private static int AsciiControl(char c, Span<char> destination)
    {
        if (c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f')
        {
            destination[0] = ' ';
            return 1;
        }

        return 0;
    }

    private static int FoldRare(char c, Span<char> destination)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Format:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return 0;
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                destination[0] = ' ';
                return 1;
            default:
                destination[0] = char.ToLowerInvariant(c);
                return 1;
        }
    }

    private static string?[] BuildTable()
    {
        var table = new string?[TableSize];
        for (var i = 0x80; i < TableSize; i++)
        {
            table[i] = Compute((char)i);
        }

        foreach (var pair in SpecialLetters.Split(' '))
        {
            table[pair[0]] = pair[2..];
        }

        // A decomposition may end on a special letter (Ǿ → ø, Ʉ → ʉ): fold those too, so folding is idempotent.
        for (var i = 0x80; i < TableSize; i++)
        {
            if (table[i] is { Length: > 0 } mapped)
            {
                var refolded = string.Concat(mapped.Select(m => m >= 0x80 && m < TableSize && table[m] is { } again ? again : m.ToString()));
                table[i] = refolded.Length == 1 && refolded[0] == i ? null : refolded;
            }
        }

        return table;
    }

    private static string? Compute(char c)
    {
        if (char.IsSurrogate(c))
        {
            return null;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Format:
            case UnicodeCategory.Control:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return string.Empty;
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return " ";
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.ModifierLetter:
                // Cyrillic diacritics make other letters (й is not и); only the case is folded there.
                return c is >= '\u0400' and <= '\u04FF' ? LowerOrNull(c) : FoldLetter(c);
            default:
                return null;
        }
    }

    private static string? LowerOrNull(char c)
    {
        var lower = char.ToLowerInvariant(c);
        return lower == c ? null : lower.ToString();
    }

    private static string? FoldLetter(char c)
    {
        // Compatibility decomposition also splits ligature-like letters (ǅ → dž) and ordinal
        // indicators (ª → a); only the letters of the decomposition are kept.
        var decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            if (char.IsLetter(d))
            {
                builder.Append(char.ToLowerInvariant(d));
            }
        }

        if (builder.Length is 0 or > MaxExpansion)
        {
            return null;
        }

        var folded = builder.ToString();
        return folded.Length == 1 && folded[0] == c ? null : folded;
    }
}
