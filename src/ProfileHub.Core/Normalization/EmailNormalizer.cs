using System.Globalization;
using System.Text;

namespace ProfileHub.Core.Normalization;

/// <summary>An email address reduced to the form two sources must agree on.</summary>
/// <param name="Value">Trimmed, Unicode NFC, lower case: what Meta's <c>em</c> field hashes.</param>
/// <param name="Domain">The part after the '@'.</param>
/// <param name="GmailCanonical">
/// For gmail.com and googlemail.com only: the mailbox Gmail delivers to (dots and the +tag removed,
/// domain gmail.com). A weaker matching signal; null for every other domain, where dots matter.
/// </param>
public sealed record NormalizedEmail(string Value, string Domain, string? GmailCanonical);

public static class EmailNormalizer
{
    // RFC 5321 §4.5.3.1: 64 octets of local part, 255 of domain; longer text is not an address.
    private const int MaxLength = 320;

    /// <summary>
    /// Trims, applies Unicode NFC and lower-cases <paramref name="raw"/>; returns null when it is not an
    /// email address (no single '@', empty local part or domain, a domain without a dot, spaces or
    /// control characters inside). Zero-width characters pasted into an address are removed; a
    /// "Name &lt;address&gt;" or "mailto:" wrapper is taken off; a Punycode domain is kept in Unicode.
    /// </summary>
    public static NormalizedEmail? Normalize(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var trimmed = TrimInvisible(raw.AsSpan());
        if (trimmed.Length is 0 or > MaxLength)
        {
            return null;
        }

        // Display-name form exported by mail clients and CRMs: "John Smith <john@example.com>".
        var open = trimmed.LastIndexOf('<');
        if (open >= 0 && trimmed[^1] == '>')
        {
            trimmed = TrimInvisible(trimmed[(open + 1)..^1]);
        }

        if (trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[7..];
        }

        var value = Canonicalize(trimmed);
        if (value is null)
        {
            return null;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (!IsAddress(value, at))
        {
            return null;
        }

        var domain = value[(at + 1)..];
        if (domain.Contains("xn--", StringComparison.Ordinal) && UnicodeDomain(domain) is { } unicode)
        {
            domain = unicode;
            value = string.Concat(value.AsSpan(0, at + 1), domain);
        }

        return new NormalizedEmail(value, domain, GmailCanonical(value.AsSpan(0, at), domain));
    }

    // An internationalized domain arrives either as Unicode or as its ASCII "xn--" form (RFC 5891);
    // the Unicode form is the one kept, so both spellings of one mailbox compare equal.
    private static string? UnicodeDomain(string domain)
    {
        try
        {
            return new IdnMapping().GetUnicode(domain).Normalize(NormalizationForm.FormC).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Not valid Punycode: keep the domain as written.
            return null;
        }
    }

    private static ReadOnlySpan<char> TrimInvisible(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && IsTrimmable(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && IsTrimmable(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool IsTrimmable(char c) => char.IsWhiteSpace(c) || TextFolding.IsInvisible(c);

    // Removes zero-width characters, rejects whitespace/control characters inside, lower-cases, and
    // returns the NFC form. ASCII input (the common case) needs no normalization pass.
    private static string? Canonicalize(ReadOnlySpan<char> text)
    {
        var ascii = true;
        using var buffer = new CharBuffer(stackalloc char[128]);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (c <= ' ' || c == 0x7F)
                {
                    return null;
                }

                buffer.Append((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c);
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c))
            {
                // Surrogate pairs are checked as a whole below; an unpaired half is not text at all.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    ascii = false;
                    buffer.Append(text.Slice(i++, 2));
                    continue;
                }

                return null;
            }

            if (TextFolding.IsInvisible(c) && !IsCombiningMark(c))
            {
                continue;
            }

            ascii = false;
            // .NET's invariant casing leaves Turkish dotted capital I alone; in an address it is an i.
            buffer.Append(c == '\u0130' ? 'i' : c);
        }

        if (ascii)
        {
            return buffer.ToString();
        }

        var nfc = buffer.ToString().Normalize(NormalizationForm.FormC);
        return nfc.ToLowerInvariant();
    }

    private static bool IsCombiningMark(char c) => char.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsAddress(string value, int at)
    {
        if (at <= 0 || at == value.Length - 1 || value.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }

        var domain = value.AsSpan(at + 1);
        var dot = domain.IndexOf('.');
        return dot > 0
            && domain[^1] != '.'
            && !domain.Contains("..", StringComparison.Ordinal)
            && value[0] != '.' && value[at - 1] != '.';
    }

    private static string? GmailCanonical(ReadOnlySpan<char> local, string domain)
    {
        if (domain is not ("gmail.com" or "googlemail.com"))
        {
            return null;
        }

        var plus = local.IndexOf('+');
        if (plus >= 0)
        {
            local = local[..plus];
        }

        using var buffer = new CharBuffer(stackalloc char[80]);
        foreach (var c in local)
        {
            if (c != '.')
            {
                buffer.Append(c);
            }
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        buffer.Append("@gmail.com");
        return buffer.ToString();
    }
}
