using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace ProfileHub.Core.Normalization;

/// <summary>A phone number as received and, when it could be read, in E.164 form.</summary>
/// <param name="Raw">The input as given (never null; empty for a missing value).</param>
/// <param name="E164">"+" then country code and national significant number, or null.</param>
/// <param name="Region">ISO 3166-1 alpha-2 of the number's country, when known.</param>
/// <param name="IsValid">
/// True exactly when <paramref name="E164"/> is set: the number has a possible length and the shape of its
/// country's numbering plan. It may still lie in a range nobody has been given (see <see cref="IsAllocated"/>).
/// </param>
public sealed record NormalizedPhone(string Raw, string? E164, string? Region, bool IsValid)
{
    /// <summary>
    /// Mobile, fixed line, toll free, premium rate, ... from the number's range; UNKNOWN when not allocated.
    /// Worked out when asked: matching needs only the E.164 form, and the type costs as much as the reading.
    /// </summary>
    public PhoneNumberType Type => E164 is null ? PhoneNumberType.UNKNOWN : PhoneNormalizer.Util.GetNumberType(PhoneNormalizer.Util.Parse(E164, null));

    /// <summary>The number lies in a range its country allocates (libphonenumber's "valid"); false for e.g. +1 555 numbers.</summary>
    public bool IsAllocated => Type != PhoneNumberType.UNKNOWN;

    /// <summary>The E.164 digits without '+': the form Meta's <c>ph</c> field hashes.</summary>
    public string? Digits => E164?[1..];

    /// <summary>The number written for people: "+44 20 7946 0958" (INTERNATIONAL), "020 7946 0958" (NATIONAL), ...; null when unread.</summary>
    public string? Format(PhoneNumberFormat format) =>
        E164 is null ? null : PhoneNormalizer.Util.Format(PhoneNormalizer.Util.Parse(E164, null), format);
}

/// <summary>
/// E.164 normalization by libphonenumber (Google's numbering-plan metadata for every region), plus the product
/// decisions it leaves to its callers: which numbers ProfileHub keeps, a default region per record or source,
/// the raw value kept when a number cannot be read, and three forms found in customer data that it does not read.
/// </summary>
public static class PhoneNormalizer
{
    internal static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly ConcurrentDictionary<int, Regex?> PlanShapes = new();
    private static readonly ConcurrentDictionary<string, Regex?> LeadingDigits = new(StringComparer.Ordinal);

    // Reading costs libphonenumber 5-20 µs (Parse alone is most of it), against about 1 µs for the hand-written
    // reader it replaced, and a customer's phone comes back in the same spelling on many records (every event of
    // a Segment user, every export of a CRM): answers are kept by raw string and region. Safe because the answer
    // depends on nothing else and is immutable; bounded by starting over when full.
    private const int CacheCapacity = 1 << 16;
    private const int CacheableLength = 64;
    private static readonly ConcurrentDictionary<(string Raw, string? Region), NormalizedPhone> Cache = new();

    // Entries added since the cache was last emptied, kept apart because ConcurrentDictionary.Count takes every one
    // of its locks: asked on each miss, it cost several times the reading itself and serialized parallel callers.
    private static int _cacheAdds;

    /// <summary>
    /// Reads <paramref name="raw"/> in the usual written forms ("+44 20 7946 0958", "0044 ...",
    /// "(555) 123-4567 ext. 12", "tel:+1-650-555-1212", "1-800-FLOWERS", "07911 123456 (mobile)") with
    /// <paramref name="defaultRegion"/> (ISO alpha-2, a country name is accepted too) for numbers written
    /// nationally. Extensions are dropped. Never throws.
    /// </summary>
    public static NormalizedPhone Normalize(string? raw, string? defaultRegion)
    {
        raw ??= string.Empty;
        if (!raw.AsSpan().ContainsAnyInRange('0', '9') && !raw.Any(char.IsDigit))
        {
            return Invalid(raw);
        }

        var region = AddressNormalizer.NormalizeCountry(defaultRegion) is { } code && Util.GetCountryCodeForRegion(code) != 0 ? code : null;
        if (raw.Length > CacheableLength)
        {
            return Compute(raw, region);
        }

        if (Cache.TryGetValue((raw, region), out var known))
        {
            return known;
        }

        if (Interlocked.Increment(ref _cacheAdds) > CacheCapacity)
        {
            ClearCache();
        }

        return Cache[(raw, region)] = Compute(raw, region);
    }

    /// <summary>Forgets every answer kept (the bench measures reading without the cache).</summary>
    internal static void ClearCache()
    {
        Cache.Clear();
        Volatile.Write(ref _cacheAdds, 0);
    }

    private static NormalizedPhone Compute(string raw, string? region)
    {
        var text = WithPlainSpaces(raw);
        // Cheapest reading first: FindNumbers scans the text at every position and costs about ten times a Parse,
        // so the "00" form, common in exports, is tried before it (it was the slowest form to read).
        var number = Read(text, region) ?? AfterDoubleZero(text) ?? Found(text, region) ?? WithoutPlus(text);
        return number is null
            ? Invalid(raw)
            : new NormalizedPhone(raw, Util.Format(number, PhoneNumberFormat.E164), RegionOf(number, region), true);
    }

    private static NormalizedPhone Invalid(string raw) => new(raw, null, null, false);

    // libphonenumber takes a few spaces as separators (' ', no-break, zero-width, ideographic) but stops at the
    // others that pasted text carries (thin, narrow no-break, ...) and at invisible format characters.
    private static string WithPlainSpaces(string raw)
    {
        if (!raw.Any(c => c > 0x7F && (char.IsWhiteSpace(c) || TextFolding.IsInvisible(c))))
        {
            return raw;
        }

        return string.Create(raw.Length, raw, static (chars, raw) =>
        {
            for (var i = 0; i < raw.Length; i++)
            {
                chars[i] = raw[i] > 0x7F && (char.IsWhiteSpace(raw[i]) || TextFolding.IsInvisible(raw[i])) ? ' ' : raw[i];
            }
        });
    }

    // The whole text as one number: libphonenumber handles separators of every script, "(0)" after a country
    // code, the region's international prefix (011 from the US, 0011 from Australia), extensions and vanity
    // letters (1-800-FLOWERS is 1-800-356-9377).
    private static PhoneNumber? Read(string text, string? region) => Kept(TryParse(text, region));

    // A number with a label before or after it ("07911 123456 (mobile)", "555 234 5678 home"): Read took the
    // label's letters for vanity digits, so the number is looked for inside the text instead.
    private static PhoneNumber? Found(string text, string? region)
    {
        foreach (var match in Util.FindNumbers(text, region ?? "ZZ", PhoneNumberUtil.Leniency.POSSIBLE, long.MaxValue))
        {
            if (Kept(match.Number) is { } number)
            {
                return number;
            }
        }

        return null;
    }

    // Two forms libphonenumber does not read, common in exports. The first: "00" as the international prefix from a
    // region whose own prefix differs (a European customer in a US source).
    private static PhoneNumber? AfterDoubleZero(string text)
    {
        var digits = PhoneNumberUtil.NormalizeDigitsOnly(text);
        return digits.StartsWith("00", StringComparison.Ordinal) ? Kept(TryParse("+" + digits[2..], null)) : null;
    }

    // The second: the country code without '+' ("447911123456"). It is a guess, so only an allocated number is taken.
    private static PhoneNumber? WithoutPlus(string text)
    {
        var digits = PhoneNumberUtil.NormalizeDigitsOnly(text);
        return !text.Contains('+', StringComparison.Ordinal) && !text.Contains('\uFF0B', StringComparison.Ordinal) && digits.Length >= 11 && digits[0] != '0'
            && Kept(TryParse("+" + digits, null)) is { } number && Util.IsValidNumber(number)
            ? number
            : null;
    }

    private static PhoneNumber? TryParse(string text, string? region)
    {
        try
        {
            return Util.Parse(text, region);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    // The numbers ProfileHub keeps (a product decision): a possible length for the country and the shape of its
    // plan (libphonenumber's general pattern: a US area code and exchange start with 2-9, UK mobiles have ten
    // digits), allocated or not: generated and test data use unallocated ranges such as +1 555, and a customer's
    // number in a range allocated after the metadata was published must still match its other spellings.
    private static PhoneNumber? Kept(PhoneNumber? number)
    {
        if (number is null)
        {
            return null;
        }

        number = WithoutMexicanLegacyPrefix(number);
        return Util.IsPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
            && PlanShape(number.CountryCode) is { } shape && shape.IsMatch(Util.GetNationalSignificantNumber(number))
            ? number
            : null;
    }

    // Mexico dropped its "1" after +52 for mobiles and the national 044/045 (mobile) and 01 (long distance)
    // prefixes in 2019 (IFT plan), and libphonenumber with it; customer data still has them.
    private static PhoneNumber WithoutMexicanLegacyPrefix(PhoneNumber number)
    {
        const int Mexico = 52;
        if (number.CountryCode != Mexico)
        {
            return number;
        }

        var nsn = Util.GetNationalSignificantNumber(number);
        var legacy = nsn.Length switch
        {
            11 when nsn[0] == '1' => 1,
            13 when nsn.StartsWith("044", StringComparison.Ordinal) || nsn.StartsWith("045", StringComparison.Ordinal) => 3,
            12 when nsn.StartsWith("01", StringComparison.Ordinal) => 2,
            _ => 0,
        };
        return legacy == 0 ? number : new PhoneNumber.Builder().SetCountryCode(Mexico).SetNationalNumber(ulong.Parse(nsn.AsSpan(legacy), provider: System.Globalization.CultureInfo.InvariantCulture)).Build();
    }

    private static Regex? PlanShape(int countryCode) => PlanShapes.GetOrAdd(countryCode, static code =>
    {
        // "001": a non-geographic code (+800 freephone, +882 networks, ...), whose metadata is kept apart.
        var region = Util.GetRegionCodeForCountryCode(code);
        var metadata = region == "001" ? Util.GetMetadataForNonGeographicalRegion(code) : Util.GetMetadataForRegion(region);
        return metadata?.GeneralDesc?.NationalNumberPattern is { Length: > 0 } pattern
            ? new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.Compiled)
            : null;
    });

    // The region of the number's range (a Toronto number in a US source is Canadian); for a number outside the
    // allocated ranges, the region whose leading digits it has (NANP area codes: +1 284 is the British Virgin
    // Islands'), else the default region when it shares the calling code, else the code's main region.
    private static string? RegionOf(PhoneNumber number, string? defaultRegion)
    {
        var regions = Util.GetRegionCodesForCountryCode(number.CountryCode);
        if (regions.Count == 1)
        {
            return regions[0] is { Length: 2 } only && only != "ZZ" ? only : null;
        }

        if (Util.GetRegionCodeForNumber(number) is { Length: 2 } region && region != "ZZ")
        {
            return region;
        }

        var nsn = Util.GetNationalSignificantNumber(number);
        foreach (var candidate in regions)
        {
            if (LeadingDigits.GetOrAdd(candidate, Pattern) is { } leading && leading.IsMatch(nsn))
            {
                return candidate;
            }
        }

        return defaultRegion is not null && regions.Contains(defaultRegion) ? defaultRegion : regions[0];

        static Regex? Pattern(string region) => Util.GetMetadataForRegion(region)?.LeadingDigits is { Length: > 0 } leading
            ? new Regex($"^(?:{leading})", RegexOptions.CultureInvariant)
            : null;
    }
}
