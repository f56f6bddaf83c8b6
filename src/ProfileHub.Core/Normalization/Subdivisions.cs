namespace ProfileHub.Core.Normalization;

/// <summary>
/// States, provinces and territories (ISO 3166-2 subdivision codes without the country prefix, which
/// are also the postal abbreviations) of the countries whose addresses carry them most: the US,
/// Canada and Australia, with their names and the old abbreviations sources still hold.
/// </summary>
internal static class Subdivisions
{
    // "COUNTRY CODE name|alias...", names after folding (lower case, no accents, no dots).
    private const string Data = """
        US AL alabama|ala
        US AK alaska
        US AZ arizona|ariz
        US AR arkansas|ark
        US CA california|calif|cal
        US CO colorado|colo
        US CT connecticut|conn
        US DE delaware|del
        US DC district of columbia|washington dc|dist of columbia
        US FL florida|fla
        US GA georgia
        US HI hawaii
        US ID idaho
        US IL illinois|ill
        US IN indiana|ind
        US IA iowa
        US KS kansas|kan|kans
        US KY kentucky
        US LA louisiana
        US ME maine
        US MD maryland
        US MA massachusetts|mass
        US MI michigan|mich
        US MN minnesota|minn
        US MS mississippi|miss
        US MO missouri
        US MT montana|mont
        US NE nebraska|neb|nebr
        US NV nevada|nev
        US NH new hampshire
        US NJ new jersey
        US NM new mexico
        US NY new york
        US NC north carolina
        US ND north dakota
        US OH ohio
        US OK oklahoma|okla
        US OR oregon|ore
        US PA pennsylvania|penn|penna
        US RI rhode island
        US SC south carolina
        US SD south dakota
        US TN tennessee|tenn
        US TX texas|tex
        US UT utah
        US VT vermont
        US VA virginia
        US WA washington|wash
        US WV west virginia
        US WI wisconsin|wis|wisc
        US WY wyoming|wyo
        US PR puerto rico
        US GU guam
        US VI us virgin islands|virgin islands
        US AS american samoa
        US MP northern mariana islands
        CA AB alberta|alta
        CA BC british columbia
        CA MB manitoba|man
        CA NB new brunswick
        CA NL newfoundland and labrador|newfoundland|nfld
        CA NS nova scotia
        CA NT northwest territories
        CA NU nunavut
        CA ON ontario|ont
        CA PE prince edward island|pei
        CA QC quebec|que|pq
        CA SK saskatchewan|sask
        CA YT yukon
        AU NSW new south wales
        AU VIC victoria
        AU QLD queensland
        AU SA south australia
        AU WA western australia
        AU TAS tasmania
        AU NT northern territory
        AU ACT australian capital territory
        """;

    private static readonly Dictionary<string, string> ByCountryAndKey = Build();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        ByCountryAndKey.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The subdivision code for a code or name within <paramref name="country"/> ("US", "CA", "AU").</summary>
    public static string? Find(string country, ReadOnlySpan<char> key)
    {
        // No name in the table is this long; the bound also keeps the stack buffer small.
        if (key.Length > 40)
        {
            return null;
        }

        Span<char> composite = stackalloc char[country.Length + 1 + key.Length];
        country.CopyTo(composite);
        composite[country.Length] = ':';
        key.CopyTo(composite[(country.Length + 1)..]);
        return Lookup.TryGetValue(composite, out var code) ? code : null;
    }

    public static bool Covers(string country) => country is "US" or "CA" or "AU";

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 3);
            var (country, code) = (parts[0], parts[1]);
            map[$"{country}:{code.ToLowerInvariant()}"] = code;
            foreach (var name in parts[2].Split('|'))
            {
                map[$"{country}:{name}"] = code;
            }
        }

        return map;
    }
}
