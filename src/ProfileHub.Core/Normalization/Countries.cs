namespace ProfileHub.Core.Normalization;

/// <summary>
/// ISO 3166-1: every officially assigned alpha-2 code with its alpha-3 code, English short name and
/// the local or colloquial names sources actually write. Keys are folded words without dots
/// (see <see cref="AddressNormalizer.NormalizeCountry"/>).
/// </summary>
internal static class Countries
{
    // "alpha2 alpha3 name[|alias...]". Aliases cover local-language names, old names and the
    // exceptionally reserved "UK" and "EL" (ISO 3166-1 §8.1.3) that sources use for GB and GR.
    private const string Data = """
        AD AND andorra
        AE ARE united arab emirates|uae|emirates
        AF AFG afghanistan
        AG ATG antigua and barbuda|antigua
        AI AIA anguilla
        AL ALB albania|shqiperia
        AM ARM armenia
        AO AGO angola
        AQ ATA antarctica
        AR ARG argentina
        AS ASM american samoa
        AT AUT austria|osterreich|oesterreich
        AU AUS australia|aussie
        AW ABW aruba
        AX ALA aland islands|aland
        AZ AZE azerbaijan
        BA BIH bosnia and herzegovina|bosnia
        BB BRB barbados
        BD BGD bangladesh
        BE BEL belgium|belgique|belgie|belgien
        BF BFA burkina faso
        BG BGR bulgaria
        BH BHR bahrain
        BI BDI burundi
        BJ BEN benin
        BL BLM saint barthelemy
        BM BMU bermuda
        BN BRN brunei|brunei darussalam
        BO BOL bolivia
        BQ BES bonaire|caribbean netherlands
        BR BRA brazil|brasil
        BS BHS bahamas|the bahamas
        BT BTN bhutan
        BV BVT bouvet island
        BW BWA botswana
        BY BLR belarus
        BZ BLZ belize
        CA CAN canada
        CC CCK cocos islands|cocos keeling islands
        CD COD democratic republic of the congo|dr congo|drc|congo kinshasa
        CF CAF central african republic
        CG COG congo|republic of the congo|congo brazzaville
        CH CHE switzerland|schweiz|suisse|svizzera
        CI CIV cote d ivoire|cote divoire|ivory coast
        CK COK cook islands
        CL CHL chile
        CM CMR cameroon
        CN CHN china|peoples republic of china|prc
        CO COL colombia
        CR CRI costa rica
        CU CUB cuba
        CV CPV cabo verde|cape verde
        CW CUW curacao
        CX CXR christmas island
        CY CYP cyprus
        CZ CZE czechia|czech republic|cesko
        DE DEU germany|deutschland
        DJ DJI djibouti
        DK DNK denmark|danmark
        DM DMA dominica
        DO DOM dominican republic|republica dominicana
        DZ DZA algeria
        EC ECU ecuador
        EE EST estonia|eesti
        EG EGY egypt
        EH ESH western sahara
        ER ERI eritrea
        ES ESP spain|espana|espanya
        ET ETH ethiopia
        FI FIN finland|suomi
        FJ FJI fiji
        FK FLK falkland islands|falklands
        FM FSM micronesia
        FO FRO faroe islands
        FR FRA france
        GA GAB gabon
        GB GBR united kingdom|united kingdom of great britain and northern ireland|great britain|britain|uk|england|scotland|wales|northern ireland
        GD GRD grenada
        GE GEO georgia
        GF GUF french guiana
        GG GGY guernsey
        GH GHA ghana
        GI GIB gibraltar
        GL GRL greenland
        GM GMB gambia|the gambia
        GN GIN guinea
        GP GLP guadeloupe
        GQ GNQ equatorial guinea
        GR GRC greece|hellas|ellada|el
        GS SGS south georgia and the south sandwich islands
        GT GTM guatemala
        GU GUM guam
        GW GNB guinea bissau
        GY GUY guyana
        HK HKG hong kong
        HM HMD heard island and mcdonald islands
        HN HND honduras
        HR HRV croatia|hrvatska
        HT HTI haiti
        HU HUN hungary|magyarorszag
        ID IDN indonesia
        IE IRL ireland|eire|republic of ireland
        IL ISR israel
        IM IMN isle of man
        IN IND india|bharat
        IO IOT british indian ocean territory
        IQ IRQ iraq
        IR IRN iran
        IS ISL iceland|island
        IT ITA italy|italia
        JE JEY jersey
        JM JAM jamaica
        JO JOR jordan
        JP JPN japan|nippon
        KE KEN kenya
        KG KGZ kyrgyzstan
        KH KHM cambodia
        KI KIR kiribati
        KM COM comoros
        KN KNA saint kitts and nevis
        KP PRK north korea|democratic peoples republic of korea
        KR KOR south korea|korea|republic of korea
        KW KWT kuwait
        KY CYM cayman islands
        KZ KAZ kazakhstan
        LA LAO laos|lao peoples democratic republic
        LB LBN lebanon
        LC LCA saint lucia
        LI LIE liechtenstein
        LK LKA sri lanka
        LR LBR liberia
        LS LSO lesotho
        LT LTU lithuania|lietuva
        LU LUX luxembourg
        LV LVA latvia|latvija
        LY LBY libya
        MA MAR morocco
        MC MCO monaco
        MD MDA moldova
        ME MNE montenegro
        MF MAF saint martin
        MG MDG madagascar
        MH MHL marshall islands
        MK MKD north macedonia|macedonia
        ML MLI mali
        MM MMR myanmar|burma
        MN MNG mongolia
        MO MAC macao|macau
        MP MNP northern mariana islands
        MQ MTQ martinique
        MR MRT mauritania
        MS MSR montserrat
        MT MLT malta
        MU MUS mauritius
        MV MDV maldives
        MW MWI malawi
        MX MEX mexico|estados unidos mexicanos
        MY MYS malaysia
        MZ MOZ mozambique
        NA NAM namibia
        NC NCL new caledonia
        NE NER niger
        NF NFK norfolk island
        NG NGA nigeria
        NI NIC nicaragua
        NL NLD netherlands|the netherlands|holland|nederland
        NO NOR norway|norge
        NP NPL nepal
        NR NRU nauru
        NU NIU niue
        NZ NZL new zealand|aotearoa
        OM OMN oman
        PA PAN panama
        PE PER peru
        PF PYF french polynesia
        PG PNG papua new guinea
        PH PHL philippines|pilipinas
        PK PAK pakistan
        PL POL poland|polska
        PM SPM saint pierre and miquelon
        PN PCN pitcairn
        PR PRI puerto rico
        PS PSE palestine
        PT PRT portugal
        PW PLW palau
        PY PRY paraguay
        QA QAT qatar
        RE REU reunion
        RO ROU romania
        RS SRB serbia|srbija
        RU RUS russia|russian federation|rossiya
        RW RWA rwanda
        SA SAU saudi arabia|ksa
        SB SLB solomon islands
        SC SYC seychelles
        SD SDN sudan
        SE SWE sweden|sverige
        SG SGP singapore
        SH SHN saint helena
        SI SVN slovenia|slovenija
        SJ SJM svalbard and jan mayen
        SK SVK slovakia|slovensko
        SL SLE sierra leone
        SM SMR san marino
        SN SEN senegal
        SO SOM somalia
        SR SUR suriname
        SS SSD south sudan
        ST STP sao tome and principe
        SV SLV el salvador
        SX SXM sint maarten
        SY SYR syria
        SZ SWZ eswatini|swaziland
        TC TCA turks and caicos islands
        TD TCD chad
        TF ATF french southern territories
        TG TGO togo
        TH THA thailand
        TJ TJK tajikistan
        TK TKL tokelau
        TL TLS timor leste|east timor
        TM TKM turkmenistan
        TN TUN tunisia
        TO TON tonga
        TR TUR turkey|turkiye
        TT TTO trinidad and tobago|trinidad
        TV TUV tuvalu
        TW TWN taiwan
        TZ TZA tanzania
        UA UKR ukraine|ukraina
        UG UGA uganda
        UM UMI united states minor outlying islands
        US USA united states|united states of america|america|us of a|estados unidos|eeuu
        UY URY uruguay
        UZ UZB uzbekistan
        VA VAT holy see|vatican|vatican city
        VC VCT saint vincent and the grenadines
        VE VEN venezuela
        VG VGB british virgin islands
        VI VIR us virgin islands|united states virgin islands
        VN VNM vietnam|viet nam
        VU VUT vanuatu
        WF WLF wallis and futuna
        WS WSM samoa
        XK XKX kosovo
        YE YEM yemen
        YT MYT mayotte
        ZA ZAF south africa
        ZM ZMB zambia
        ZW ZWE zimbabwe
        """;

    private static readonly Dictionary<string, string> ByKey = Build();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        ByKey.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The ISO alpha-2 code for a code (alpha-2 or alpha-3, any case) or a known name.</summary>
    public static string? Find(ReadOnlySpan<char> key) => Lookup.TryGetValue(key, out var code) ? code : null;

    private static Dictionary<string, string> Build()
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var alpha2 = line[..2];
            byKey[alpha2.ToLowerInvariant()] = alpha2;
            byKey[line[3..6].ToLowerInvariant()] = alpha2;
            foreach (var name in line[7..].Split('|'))
            {
                byKey[name] = alpha2;
            }
        }

        return byKey;
    }
}
