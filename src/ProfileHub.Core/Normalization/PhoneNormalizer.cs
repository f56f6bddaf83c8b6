using System.Globalization;

namespace ProfileHub.Core.Normalization;

/// <summary>A phone number as received and, when it could be read, in E.164 form.</summary>
/// <param name="Raw">The input as given (never null; empty for a missing value).</param>
/// <param name="E164">"+" then country code and national significant number, or null.</param>
/// <param name="Region">ISO 3166-1 alpha-2 of the number's country, when known.</param>
/// <param name="IsValid">True exactly when <paramref name="E164"/> is set.</param>
public sealed record NormalizedPhone(string Raw, string? E164, string? Region, bool IsValid)
{
    /// <summary>The E.164 digits without '+': the form Meta's <c>ph</c> field hashes.</summary>
    public string? Digits => E164?[1..];
}

/// <summary>
/// E.164 normalization written from the numbering plans (no phone library is served here): NANP, the
/// UK, Spain, Mexico and Australia in detail, every other country by the length rules of
/// <see cref="CallingCodes"/>.
/// </summary>
public static class PhoneNormalizer
{
    // E.164 §6: at most 15 digits including the country code.
    private const int MaxE164Digits = 15;
    private const int MinE164Digits = 7;

    /// <summary>
    /// Reads <paramref name="raw"/> in the usual written forms ("+44 20 7946 0958", "0044 ...",
    /// "(555) 123-4567 ext. 12", "tel:+1-650-555-1212") with <paramref name="defaultRegion"/> (ISO alpha-2,
    /// a country name is accepted too) for numbers written nationally. Extensions are dropped. Never throws.
    /// </summary>
    public static NormalizedPhone Normalize(string? raw, string? defaultRegion)
    {
        raw ??= string.Empty;
        Span<char> digits = stackalloc char[MaxE164Digits + 5];
        if (!TryExtractDigits(raw, digits, out var count, out var international) || count == 0)
        {
            return Invalid(raw);
        }

        var region = AddressNormalizer.NormalizeCountry(defaultRegion);
        var number = digits[..count];
        var result = international
            ? International(number)
            : WithoutPlus(number, region);
        return result is { } ok ? new NormalizedPhone(raw, ok.E164, ok.Region, true) : Invalid(raw);
    }

    private static NormalizedPhone Invalid(string raw) => new(raw, null, null, false);

    private static (string E164, string Region)? WithoutPlus(ReadOnlySpan<char> digits, string? region)
    {
        // International call prefixes: 00 in most of the world, 011 from NANP, 0011 from Australia.
        var country = region is null ? null : CallingCodes.ForRegion(region);
        if (country?.Code == "1" && digits.StartsWith("011"))
        {
            return International(digits[3..]);
        }

        if (country?.Region == "AU" && digits.StartsWith("0011"))
        {
            return International(digits[4..]);
        }

        if (digits.StartsWith("00"))
        {
            return International(digits[2..]);
        }

        if (country is not null && National(country, digits, region!) is { } national)
        {
            return national;
        }

        // A number stored with its country code but without '+' ("447911123456"): national numbers
        // start with a trunk 0 or are at most 10 digits, so only longer ones are read this way, and only
        // into a country whose plan fixes the length (otherwise any 11 digits would pass as some country).
        return digits.Length >= 11 && digits[0] != '0' ? International(digits, knownPlanOnly: true) : null;
    }

    private static (string E164, string Region)? International(ReadOnlySpan<char> digits, bool knownPlanOnly = false)
    {
        var country = CallingCodes.Match(digits);
        if (country is null || (knownPlanOnly && country.MinLength == 0))
        {
            return null;
        }

        var nsn = digits[country.Code.Length..];
        // "+44 (0)20 ..." and "+61 0412 ...": the trunk 0 written after the country code is not dialled.
        if (country.TrunkPrefix == '0' && nsn.Length > 0 && nsn[0] == '0')
        {
            nsn = nsn[1..];
        }

        return Validate(country, nsn, country.Region, dialledNationally: false);
    }

    private static (string E164, string Region)? National(CallingCountry country, ReadOnlySpan<char> digits, string region)
    {
        if (country.TrunkPrefix != '\0' && digits.Length > 0 && digits[0] == country.TrunkPrefix)
        {
            digits = digits[1..];
        }

        return Validate(country, digits, region, dialledNationally: true);
    }

    private static (string E164, string Region)? Validate(CallingCountry country, ReadOnlySpan<char> nsn, string region, bool dialledNationally)
    {
        switch (country.Code)
        {
            case "1":
                return Nanp(nsn);
            case "44":
                return UnitedKingdom(nsn) ? Build(country, nsn, region) : null;
            case "34":
                return nsn.Length == 9 && nsn[0] is >= '6' and <= '9' ? Build(country, nsn, region) : null;
            case "52":
                return Mexico(country, nsn, region, dialledNationally);
            case "61":
                return nsn.Length == 9 && nsn[0] is '2' or '3' or '4' or '7' or '8' ? Build(country, nsn, region) : null;
            default:
                break;
        }

        if (nsn.Length == 0 || (country.TrunkPrefix == '0' && nsn[0] == '0'))
        {
            return null;
        }

        var total = country.Code.Length + nsn.Length;
        var fits = country.MinLength > 0
            ? nsn.Length >= country.MinLength && nsn.Length <= country.MaxLength
            : total is >= MinE164Digits and <= MaxE164Digits;
        return fits ? Build(country, nsn, region) : null;
    }

    // NANP: NXX-NXX-XXXX, N = 2..9; a leading 1 is the trunk prefix; N11 codes are service codes.
    private static (string E164, string Region)? Nanp(ReadOnlySpan<char> nsn)
    {
        if (nsn.Length == 11 && nsn[0] == '1')
        {
            nsn = nsn[1..];
        }

        if (nsn.Length != 10 || nsn[0] < '2' || nsn[3] < '2' || (nsn[1] == '1' && nsn[2] == '1'))
        {
            return null;
        }

        var areaCode = ((nsn[0] - '0') * 100) + ((nsn[1] - '0') * 10) + (nsn[2] - '0');
        // The region comes from the area code (Canada and the Caribbean are listed), not from the
        // caller's default: a Toronto number in a US source is still Canadian.
        return (Concat("1", nsn), CallingCodes.NanpRegion(areaCode));
    }

    // UK (Ofcom National Telephone Numbering Plan): 01 areas have 9 or 10 digits after the 0, 02/03
    // and 07 mobiles 10, 08 freephone/special 9 or 10, 09 premium 10.
    private static bool UnitedKingdom(ReadOnlySpan<char> nsn) => nsn.Length switch
    {
        10 => nsn[0] is '1' or '2' or '3' or '7' or '8' or '9',
        9 => nsn[0] is '1' or '8',
        _ => false,
    };

    // Mexico (IFT plan, 2019): ten digits everywhere. Older forms still in data: "+52 1" before mobile
    // numbers, and national 044/045 (mobile) and 01 (long distance) prefixes.
    private static (string E164, string Region)? Mexico(CallingCountry country, ReadOnlySpan<char> nsn, string region, bool dialledNationally)
    {
        if (nsn.Length == 11 && nsn[0] == '1')
        {
            nsn = nsn[1..];
        }
        else if (dialledNationally && nsn.Length == 13 && (nsn.StartsWith("044") || nsn.StartsWith("045")))
        {
            nsn = nsn[3..];
        }
        else if (dialledNationally && nsn.Length == 12 && nsn.StartsWith("01"))
        {
            nsn = nsn[2..];
        }

        return nsn.Length == 10 && nsn[0] >= '2' ? Build(country, nsn, region) : null;
    }

    private static (string E164, string Region) Build(CallingCountry country, ReadOnlySpan<char> nsn, string region) =>
        (Concat(country.Code, nsn), region);

    private static string Concat(string code, ReadOnlySpan<char> nsn)
    {
        Span<char> e164 = stackalloc char[1 + code.Length + nsn.Length];
        e164[0] = '+';
        code.CopyTo(e164[1..]);
        nsn.CopyTo(e164[(1 + code.Length)..]);
        return new string(e164);
    }

    // Collects the digits of the number part. Separators people write (spaces of any kind, - . ( ) /)
    // and invisible characters are skipped; "(0)" after a country code is skipped; an extension marker
    // (x, ext, ext., extension, #, ";ext=", a ',' pause) ends the number; any other letter means the
    // text is not a phone number.
    private static bool TryExtractDigits(string raw, Span<char> digits, out int count, out bool international)
    {
        count = 0;
        international = false;
        var text = raw.AsSpan().Trim();
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var digit = c is >= '0' and <= '9' ? c - '0' : c >= 0x80 ? CharUnicodeInfo.GetDecimalDigitValue(c) : -1;
            if (digit >= 0)
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = (char)('0' + digit);
                continue;
            }

            switch (c)
            {
                case '+' or '\uFF0B' when count == 0 && !international:
                    international = true;
                    continue;
                case '(' when count > 0 && i + 2 < text.Length && text[i + 1] == '0' && text[i + 2] == ')':
                    i += 2;
                    continue;
                case ' ' or '-' or '.' or '(' or ')' or '/' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014':
                    continue;
                case '#' or ',' or ';' when count > 0:
                    return true;
                default:
                    break;
            }

            if (char.IsWhiteSpace(c) || TextFolding.IsInvisible(c))
            {
                continue;
            }

            if (count > 0 && IsExtensionMarker(text[i..]))
            {
                return true;
            }

            // A label after a complete-looking number ("07911 123456 (mobile)", "555 234 5678 home") ends
            // it; letters inside the digits ("1-800-FLOWERS") make the text a vanity number we do not read.
            return count >= MinE164Digits && i > 0 && (text[i - 1] == '(' || char.IsWhiteSpace(text[i - 1]));
        }

        return true;
    }

    private static bool IsExtensionMarker(ReadOnlySpan<char> rest) =>
        rest[0] is 'x' or 'X'
        || rest.StartsWith("ext", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("anexo", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("ramal", StringComparison.OrdinalIgnoreCase);
}
