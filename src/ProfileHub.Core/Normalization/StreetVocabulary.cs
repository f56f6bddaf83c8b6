namespace ProfileHub.Core.Normalization;

/// <summary>
/// The words of street lines and their one canonical spelling: street types after USPS Publication 28
/// Appendix C1 (with the UK, Australian, Spanish and German types sources send), directionals and
/// the secondary unit designators after Appendix C2.
/// </summary>
internal static class StreetVocabulary
{
    // "canonical: variant variant ...". Every variant and the canonical form itself map to the canonical.
    private const string StreetTypes = """
        aly: alley allee ally
        arc: arcade
        ave: avenue av aven avenu avn avnue avenida avda
        blvd: boulevard boul boulv bvd
        byp: bypass bypa byps
        cir: circle circ circl crcl crcle
        cl: close
        cres: crescent cresent crsent crsnt crs
        ct: court crt
        ctr: center centre cntr cent centr
        cswy: causeway
        dr: drive drv driv
        esp: esplanade
        expy: expressway expr express expw
        fwy: freeway frwy frway
        gdns: gardens gardn grden grdn
        grn: green
        grv: grove gr
        hts: heights ht
        hwy: highway highwy hiway hiwy hway
        jct: junction jction jctn junctn juncton
        ln: lane
        lp: loop
        mews: mews
        mt: mount mnt
        mtn: mountain mntain mntn mountin
        pde: parade
        pkwy: parkway parkwy pkway pky
        pl: place
        plz: plaza plza pza
        pso: paseo
        pt: point
        rd: road
        rdg: ridge rdge
        sq: square sqr sqre squ
        st: street str strt strasse strase
        ter: terrace terr tce
        tpke: turnpike trnpk turnpk
        trl: trail trails trls
        vw: view
        wy: way
        calle: c
        """;

    private const string Directionals = """
        n: north norte nord
        s: south sur sud
        e: east este
        w: west oeste ouest
        ne: northeast noreste
        nw: northwest noroeste
        se: southeast sureste
        sw: southwest suroeste
        """;

    // Ordinal street names are written both ways ("Fifth Avenue", "5th Ave").
    private const string Ordinals = """
        1st: first
        2nd: second
        3rd: third
        4th: fourth
        5th: fifth
        6th: sixth
        7th: seventh
        8th: eighth
        9th: ninth
        10th: tenth
        """;

    // Secondary unit designators whose value is the unit itself (apt 4b, #5, flat 3, suite 200).
    private const string UnitDesignators =
        "apt apartment apartmento apto unit flat suite ste room rm # piso depto dpto departamento puerta lot";

    private const string FloorDesignators = "fl floor flr level lvl";

    private static readonly Dictionary<string, string> Words = BuildWords();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> WordLookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> Units = [.. UnitDesignators.Split(' ')];
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup =
        Units.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> Floors = [.. FloorDesignators.Split(' ')];
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FloorLookup =
        Floors.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The canonical spelling of a street type, directional or ordinal, or the word itself.</summary>
    public static ReadOnlySpan<char> Canonical(ReadOnlySpan<char> word) =>
        WordLookup.TryGetValue(word, out var canonical) ? canonical : word;

    public static bool IsUnitDesignator(ReadOnlySpan<char> word) => UnitLookup.Contains(word);

    public static bool IsFloorDesignator(ReadOnlySpan<char> word) => FloorLookup.Contains(word);

    private static Dictionary<string, string> BuildWords()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in new[] { StreetTypes, Directionals, Ordinals })
        {
            foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var canonical = line[..colon];
                words.TryAdd(canonical, canonical);
                foreach (var variant in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    words.TryAdd(variant, canonical);
                }
            }
        }

        return words;
    }
}
