namespace ProfileHub.Core.Normalization;

/// <summary>One ITU-T E.164 country calling code and what is known of its national numbering plan.</summary>
/// <param name="Code">The calling code digits ("44").</param>
/// <param name="Region">ISO 3166-1 alpha-2 of the main region using it.</param>
/// <param name="MinLength">Shortest national significant number, 0 when only the E.164 bound applies.</param>
/// <param name="MaxLength">Longest national significant number, 0 when only the E.164 bound applies.</param>
/// <param name="TrunkPrefix">Digit dialled before national numbers inside the country ('0'), or '\0'.</param>
internal sealed record CallingCountry(string Code, string Region, int MinLength, int MaxLength, char TrunkPrefix);

/// <summary>
/// The compact table behind <see cref="PhoneNormalizer"/>: every calling code in service (ITU-T E.164
/// list of assigned country codes), with national lengths and trunk prefixes where they are fixed.
/// </summary>
internal static class CallingCodes
{
    // "code region [min max [trunk]]". Lengths are of the national significant number (without the
    // trunk prefix); trunk '-' means none (Italy's leading 0 is part of the number). Where the plan is
    // not listed the trunk prefix is taken to be 0: it is almost everywhere, and in the few countries
    // without one no national number starts with 0, so removing a leading 0 there cannot misread one.
    private const string Data = """
        1 US 10 10 1
        7 RU 10 10 8
        20 EG 8 10 0
        27 ZA 9 9 0
        30 GR 10 10 -
        31 NL 9 9 0
        32 BE 8 9 0
        33 FR 9 9 0
        34 ES 9 9 -
        36 HU 8 9 -
        39 IT 6 11 -
        40 RO 9 9 0
        41 CH 9 9 0
        43 AT 4 13 0
        44 GB 9 10 0
        45 DK 8 8 -
        46 SE 7 10 0
        47 NO 8 8 -
        48 PL 9 9 -
        49 DE 6 13 0
        51 PE 8 9 0
        52 MX 10 10 -
        53 CU
        54 AR 10 11 0
        55 BR 10 11 0
        56 CL 9 9 -
        57 CO 10 10 -
        58 VE 10 10 0
        60 MY 9 10 0
        61 AU 9 9 0
        62 ID 8 12 0
        63 PH 8 10 0
        64 NZ 8 10 0
        65 SG 8 8 -
        66 TH 8 9 0
        81 JP 9 10 0
        82 KR 8 10 0
        84 VN 9 10 0
        86 CN 9 11 0
        90 TR 10 10 0
        91 IN 10 10 0
        92 PK 9 10 0
        93 AF
        94 LK
        95 MM
        98 IR
        211 SS
        212 MA
        213 DZ
        216 TN
        218 LY
        220 GM
        221 SN
        222 MR
        223 ML
        224 GN
        225 CI
        226 BF
        227 NE
        228 TG
        229 BJ
        230 MU
        231 LR
        232 SL
        233 GH
        234 NG 8 10 0
        235 TD
        236 CF
        237 CM
        238 CV
        239 ST
        240 GQ
        241 GA
        242 CG
        243 CD
        244 AO
        245 GW
        246 IO
        248 SC
        249 SD
        250 RW
        251 ET
        252 SO
        253 DJ
        254 KE
        255 TZ
        256 UG
        257 BI
        258 MZ
        260 ZM
        261 MG
        262 RE
        263 ZW
        264 NA
        265 MW
        266 LS
        267 BW
        268 SZ
        269 KM
        290 SH
        291 ER
        297 AW
        298 FO
        299 GL
        350 GI
        351 PT 9 9 -
        352 LU
        353 IE 7 9 0
        354 IS
        355 AL
        356 MT
        357 CY
        358 FI 5 12 0
        359 BG
        370 LT
        371 LV
        372 EE
        373 MD
        374 AM
        375 BY
        376 AD
        377 MC
        378 SM
        379 VA
        380 UA 9 9 0
        381 RS
        382 ME
        383 XK
        385 HR
        386 SI
        387 BA
        389 MK
        420 CZ 9 9 -
        421 SK
        423 LI
        500 FK
        501 BZ
        502 GT
        503 SV
        504 HN
        505 NI
        506 CR
        507 PA
        508 PM
        509 HT
        590 GP
        591 BO
        592 GY
        593 EC
        594 GF
        595 PY
        596 MQ
        597 SR
        598 UY
        599 CW
        670 TL
        672 NF
        673 BN
        674 NR
        675 PG
        676 TO
        677 SB
        678 VU
        679 FJ
        680 PW
        681 WF
        682 CK
        683 NU
        685 WS
        686 KI
        687 NC
        688 TV
        689 PF
        690 TK
        691 FM
        692 MH
        850 KP
        852 HK 8 8 -
        853 MO
        855 KH
        856 LA
        880 BD
        886 TW
        960 MV
        961 LB
        962 JO
        963 SY
        964 IQ
        965 KW
        966 SA 9 9 0
        967 YE
        968 OM
        970 PS
        971 AE 8 9 0
        972 IL 8 9 0
        973 BH
        974 QA
        975 BT
        976 MN
        977 NP
        992 TJ
        993 TM
        994 AZ
        995 GE
        996 KG
        998 UZ
        """;

    // North American Numbering Plan members other than the US, by area code (NANPA assignments).
    private const string NanpAreaCodes = """
        CA 204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 403 416 418 428 431 437 438 450 468 474
        CA 506 514 519 548 579 581 584 587 604 613 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867
        CA 873 879 902 905
        BS 242
        BB 246
        AI 264
        AG 268
        VG 284
        VI 340
        KY 345
        BM 441
        GD 473
        TC 649
        JM 658 876
        MS 664
        MP 670
        GU 671
        AS 684
        SX 721
        LC 758
        DM 767
        VC 784
        PR 787 939
        DO 809 829 849
        TT 868
        KN 869
        """;

    private static readonly Dictionary<string, CallingCountry> ByCode = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, CallingCountry> ByRegion = new(StringComparer.Ordinal);
    private static readonly Dictionary<int, string> NanpRegionByAreaCode = [];
    private static readonly Dictionary<string, CallingCountry>.AlternateLookup<ReadOnlySpan<char>> CodeLookup;

    static CallingCodes()
    {
        foreach (var line in Data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(' ');
            var country = new CallingCountry(
                f[0], f[1],
                f.Length > 2 ? int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture) : 0,
                f.Length > 3 ? int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture) : 0,
                f.Length > 4 ? (f[4] == "-" ? '\0' : f[4][0]) : '0');
            ByCode.Add(country.Code, country);
            ByRegion.Add(country.Region, country);
        }

        var nanp = ByCode["1"];
        foreach (var line in NanpAreaCodes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(' ');
            ByRegion.TryAdd(f[0], nanp with { Region = f[0] });
            for (var i = 1; i < f.Length; i++)
            {
                NanpRegionByAreaCode.Add(int.Parse(f[i], System.Globalization.CultureInfo.InvariantCulture), f[0]);
            }
        }

        // Regions that share a code with a larger neighbour dial like it.
        foreach (var (region, code) in new[] { ("GG", "44"), ("JE", "44"), ("IM", "44"), ("KZ", "7"), ("VA", "39"), ("CX", "61"), ("CC", "61") })
        {
            ByRegion[region] = ByCode[code] with { Region = region };
        }

        CodeLookup = ByCode.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The calling country at the start of <paramref name="digits"/> (codes are prefix-free).</summary>
    public static CallingCountry? Match(ReadOnlySpan<char> digits)
    {
        for (var length = 1; length <= 3 && length <= digits.Length; length++)
        {
            if (CodeLookup.TryGetValue(digits[..length], out var country))
            {
                return country;
            }
        }

        return null;
    }

    public static IReadOnlyCollection<CallingCountry> All => ByCode.Values;

    public static CallingCountry? ForRegion(string region) => ByRegion.GetValueOrDefault(region);

    /// <summary>The NANP member an area code belongs to; the US for every code not listed elsewhere.</summary>
    public static string NanpRegion(int areaCode) => NanpRegionByAreaCode.GetValueOrDefault(areaCode, "US");
}
