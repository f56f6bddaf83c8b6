namespace ProfileHub.Core.Normalization;

/// <summary>A street line split into the parts matching compares separately.</summary>
/// <param name="Number">House number as written ("12", "12a", "12-14").</param>
/// <param name="Street">Street name with canonical types and directionals ("n main st").</param>
/// <param name="Unit">Apartment, flat, suite or unit identifier without its designator ("4b").</param>
public sealed record NormalizedStreet(string? Number, string? Street, string? Unit)
{
    public static NormalizedStreet Empty { get; } = new(null, null, null);
}

public static class AddressNormalizer
{
    // Street lines longer than this many words are not addresses; the rest is ignored.
    private const int MaxTokens = 32;

    /// <summary>
    /// Lower-cases, folds accents and removes punctuation from <paramref name="line1"/>, canonicalizes
    /// street types and directionals, and pulls out the house number and the unit ("apt 4b", "unit 12",
    /// "#5", "flat 3", "suite 200", Australian "4/12 Smith St"). <paramref name="line2"/> supplies the
    /// unit when line 1 has none.
    /// </summary>
    public static NormalizedStreet NormalizeStreet(string? line1, string? line2 = null)
    {
        var first = StreetLine.Parse(line1, MaxTokens);
        var unit = first.Unit;
        if (unit is null && !string.IsNullOrWhiteSpace(line2))
        {
            var second = StreetLine.Parse(line2, MaxTokens, readNumber: false);
            unit = second.Unit ?? second.Remainder;
        }

        return first.Number is null && first.Street is null && unit is null
            ? NormalizedStreet.Empty
            : new NormalizedStreet(first.Number, first.Street, unit);
    }

    /// <summary>
    /// Trims, upper-cases and removes inner spaces and hyphens ("sw1a 1aa" → "SW1A1AA"); leading zeros are
    /// kept. For the US, the ZIP+4 extension is dropped and a ZIP that lost its leading zero in a
    /// spreadsheet ("2134") is padded back to five digits, so ZIP codes compare as ZIP5.
    /// </summary>
    public static string? NormalizePostalCode(string? raw, string? country)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var buffer = new CharBuffer(stackalloc char[32]);
        try
        {
            foreach (var c in raw)
            {
                if (char.IsLetterOrDigit(c))
                {
                    buffer.Append(char.ToUpperInvariant(c));
                }
            }

            if (buffer.Length == 0)
            {
                return null;
            }

            var written = buffer.Written;
            if (NormalizeCountry(country) == "US" && !written.ContainsAnyExceptInRange('0', '9'))
            {
                return written.Length switch
                {
                    3 or 4 => written.ToString().PadLeft(5, '0'),
                    9 => written[..5].ToString(),
                    _ => written.ToString(),
                };
            }

            return written.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// Lower case, accents folded, punctuation removed, and the abbreviations that vary between sources
    /// spelled out ("St. Louis" and "Saint Louis" → "saint louis", "Mt Vernon" → "mount vernon").
    /// </summary>
    public static string? NormalizeCity(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var words = new CharBuffer(stackalloc char[64]);
        var output = new CharBuffer(stackalloc char[64]);
        try
        {
            TextFolding.AppendWords(raw, ref words, keepDigits: true, joinDots: false);
            foreach (var range in words.Written.Split(' '))
            {
                var word = words.Written[range];
                if (output.Length > 0)
                {
                    output.Append(' ');
                }

                output.Append(word switch
                {
                    "st" => "saint",
                    "ste" => "sainte",
                    "mt" => "mount",
                    "ft" => "fort",
                    _ => word,
                });
            }

            return output.Length == 0 ? null : output.ToString();
        }
        finally
        {
            words.Dispose();
            output.Dispose();
        }
    }

    /// <summary>
    /// A state, province or territory. For the US, Canada and Australia (the country given, or found
    /// from the value when none is) the subdivision code: "California", "Calif." and "ca" → "CA",
    /// "New South Wales" → "NSW", "Québec" → "QC". Elsewhere, or when the value is not recognized, the
    /// folded words (lower case, no accents or punctuation), so equal spellings still compare equal.
    /// </summary>
    public static string? NormalizeRegion(string? raw, string? country)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var key = new CharBuffer(stackalloc char[64]);
        try
        {
            TextFolding.AppendWords(raw, ref key, keepDigits: true, joinDots: true);
            if (key.Length == 0)
            {
                return null;
            }

            var iso = NormalizeCountry(country);
            var code = iso is null
                ? Subdivisions.Find("US", key.Written) ?? Subdivisions.Find("CA", key.Written) ?? Subdivisions.Find("AU", key.Written)
                : Subdivisions.Covers(iso) ? Subdivisions.Find(iso, key.Written) : null;
            return code ?? key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    /// <summary>
    /// ISO 3166-1 alpha-2 for an alpha-2 or alpha-3 code in any case, an English, local or common name
    /// ("United Kingdom", "UK", "GB", "gb", "Great Britain" → "GB"; "España" → "ES"); null when unknown.
    /// </summary>
    public static string? NormalizeCountry(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var trimmed = raw.AsSpan().Trim();
        if (trimmed.Length == 2 && char.IsAsciiLetterUpper(trimmed[0]) && char.IsAsciiLetterUpper(trimmed[1]))
        {
            // Fast path for what most sources send: a valid upper-case code returns the table's string.
            Span<char> lower = [(char)(trimmed[0] | 0x20), (char)(trimmed[1] | 0x20)];
            return Countries.Find(lower);
        }

        var key = new CharBuffer(stackalloc char[64]);
        try
        {
            TextFolding.AppendWords(trimmed, ref key, keepDigits: false, joinDots: true);
            var found = Countries.Find(key.Written);
            if (found is null && key.Written.StartsWith("the "))
            {
                found = Countries.Find(key.Written[4..]);
            }

            return found;
        }
        finally
        {
            key.Dispose();
        }
    }
}
