using System.Globalization;
using System.Text;
using Bogus;

namespace ProfileHub.Bench.Synthetic;

/// <summary>How a source system writes names: as the customer typed them, capitalised, or in a legacy till's capitals.</summary>
internal enum NameCase
{
    Lower,
    Title,
    Upper,
}

/// <summary>Text helpers of <see cref="CustomerBase"/>: accent folding, casing, typos and phone formats.</summary>
internal static class CustomerText
{
    /// <summary>
    /// The text without accents, case kept (Muñoz → Munoz). Letters that Unicode does not decompose into a base
    /// letter and a mark (ł, ø, ß, đ, ı) are mapped by hand, so Polish, Norwegian and Vietnamese names fold too.
    /// </summary>
    public static string StripAccents(string value)
    {
        if (Ascii.IsValid(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'ł' => "l", 'Ł' => "L", 'ø' => "o", 'Ø' => "O", 'ß' => "ss", 'æ' => "ae", 'Æ' => "AE",
                'œ' => "oe", 'đ' => "d", 'Đ' => "D", 'ı' => "i", _ => c.ToString(),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Lower-case ASCII letters and digits only: what an e-mail local part or a handle is made of.</summary>
    public static string MailPart(string value)
    {
        var folded = StripAccents(value);
        return string.Create(CountMailChars(folded), folded, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    span[i++] = char.ToLowerInvariant(c);
                }
            }
        });
    }

    private static int CountMailChars(string value)
    {
        var count = 0;
        foreach (var c in value)
        {
            count += char.IsAsciiLetterOrDigit(c) ? 1 : 0;
        }

        return count;
    }

    public static string Cased(string value, NameCase style) => style switch
    {
        NameCase.Upper => value.ToUpperInvariant(),
        NameCase.Title => Title(value),
        _ => value,
    };

    /// <summary>Capitalises each word, also after a hyphen or an apostrophe (o'connell → O'Connell).</summary>
    public static string Title(string value) => string.Create(value.Length, value, static (span, source) =>
    {
        var start = true;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = start ? char.ToUpperInvariant(c) : c;
            start = c is ' ' or '-' or '\'';
        }
    });

    /// <summary>A keying slip inside a name: two letters swapped, one replaced or one dropped (never the first).</summary>
    public static string Typo(Randomizer random, string value)
    {
        if (value.Length < 4)
        {
            return value;
        }

        var i = random.Int(1, value.Length - 2);
        switch (random.Int(0, 2))
        {
            case 0:
                return string.Create(value.Length, (value, i), static (span, state) =>
                {
                    state.value.AsSpan().CopyTo(span);
                    (span[state.i], span[state.i + 1]) = (span[state.i + 1], span[state.i]);
                });
            case 1:
                return ReplaceLetter(random, value, i);
            default:
                return value.Remove(i, 1);
        }
    }

    /// <summary>One letter of the e-mail's local part replaced by another: a mistyped address (about 1% of e-mails).</summary>
    public static string MistypeEmail(Randomizer random, string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        for (var attempt = 0; attempt < 8 && at > 0; attempt++)
        {
            var i = random.Int(0, at - 1);
            if (char.IsAsciiLetterLower(email[i]))
            {
                return ReplaceLetter(random, email, i);
            }
        }

        return email;
    }

    private static string ReplaceLetter(Randomizer random, string value, int index)
    {
        var replacement = (char)random.Int('a', 'y');

        // Skipping the original letter keeps the draw uniform over the other 25 letters.
        replacement = replacement >= value[index] ? (char)(replacement + 1) : replacement;
        return string.Create(value.Length, (value, index, replacement), static (span, state) =>
        {
            state.value.AsSpan().CopyTo(span);
            span[state.index] = state.replacement;
        });
    }

    /// <summary>A US number (10 digits) the way forms, agents and exports write it.</summary>
    public static string UsPhone(string d, int style) => style switch
    {
        0 => $"({d.AsSpan(0, 3)}) {d.AsSpan(3, 3)}-{d.AsSpan(6)}",
        1 => $"{d.AsSpan(0, 3)}-{d.AsSpan(3, 3)}-{d.AsSpan(6)}",
        2 => $"+1 {d.AsSpan(0, 3)} {d.AsSpan(3, 3)} {d.AsSpan(6)}",
        3 => d,
        4 => "+1" + d,
        5 => $"001 {d.AsSpan(0, 3)} {d.AsSpan(3, 3)} {d.AsSpan(6)}",
        6 => $"{d.AsSpan(0, 3)}.{d.AsSpan(3, 3)}.{d.AsSpan(6)}",
        _ => $"1-{d.AsSpan(0, 3)}-{d.AsSpan(3, 3)}-{d.AsSpan(6)}",
    };

    /// <summary>A Spanish number (9 digits) in the usual spellings.</summary>
    public static string SpanishPhone(string d, int style) => style switch
    {
        0 => $"+34 {d.AsSpan(0, 3)} {d.AsSpan(3, 3)} {d.AsSpan(6)}",
        1 => d,
        2 => $"{d.AsSpan(0, 3)} {d.AsSpan(3, 2)} {d.AsSpan(5, 2)} {d.AsSpan(7)}",
        3 => "+34" + d,
        4 => $"0034 {d.AsSpan(0, 3)} {d.AsSpan(3, 3)} {d.AsSpan(6)}",
        _ => $"{d.AsSpan(0, 3)} {d.AsSpan(3, 3)} {d.AsSpan(6)}",
    };

    public const int UsPhoneStyles = 8;

    public const int SpanishPhoneStyles = 6;
}
