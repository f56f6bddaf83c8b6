using Bogus;
using Bogus.Bson;

namespace ProfileHub.Bench.Synthetic;

/// <summary>A city, the first three digits of its postcodes and its telephone prefix (area code, or Spanish landline prefix).</summary>
internal sealed record CustomerCity(string Name, string PostPrefix, string PhonePrefix);

/// <summary>
/// The names, places and mail domains one <see cref="CustomerBaseKind"/> draws from, ranked and weighted so that
/// the spread of names looks like a real base: which surnames dominate is what makes a base hard to match.
/// </summary>
internal sealed class CustomerBasePools
{
    public required WeightedPool<string> Surnames { get; init; }

    public required WeightedPool<string> FemaleNames { get; init; }

    public required WeightedPool<string> MaleNames { get; init; }

    public required WeightedPool<CustomerCity> Cities { get; init; }

    public required string[] Streets { get; init; }

    public required WeightedPool<string> PersonalDomains { get; init; }

    public required WeightedPool<string> CompanyDomains { get; init; }

    public required Nicknames Nicknames { get; init; }

    public static CustomerBasePools For(CustomerBaseKind kind, Randomizer random) => kind switch
    {
        CustomerBaseKind.Spanish => Spanish(random),
        _ => American(kind, random),
    };

    private static CustomerBasePools American(CustomerBaseKind kind, Randomizer random)
    {
        var concentrated = kind == CustomerBaseKind.Concentrated;
        var females = BogusNames("female_first_name", 220);
        var males = BogusNames("male_first_name", 220);
        if (concentrated)
        {
            // A Vietnamese-American base: Vietnamese given names mixed into the English ones at every rank.
            females = Interleave(females, VietnameseFemale);
            males = Interleave(males, VietnameseMale);
        }

        return new CustomerBasePools
        {
            Surnames = concentrated ? ConcentratedSurnames(random) : DiverseSurnames(random),

            // First names: a few hundred, Zipf-like; the offset keeps the top name near 3% as in US births.
            FemaleNames = WeightedPool<string>.Zipf(females, 1.0, 10),
            MaleNames = WeightedPool<string>.Zipf(males, 1.0, 10),
            Cities = WeightedPool<CustomerCity>.Zipf(UsCities, 1.0, 3),
            Streets = UsStreets(),
            PersonalDomains = Weighted(UsMailDomains),
            CompanyDomains = Companies(random, ".com"),
            Nicknames = new Nicknames(EnglishNicknames),
        };
    }

    private static CustomerBasePools Spanish(Randomizer random) => new()
    {
        Surnames = SpanishSurnames(),
        FemaleNames = WeightedPool<string>.Zipf(Distinct(SpanishFemale), 1.0, 6),
        MaleNames = WeightedPool<string>.Zipf(Distinct(SpanishMale), 1.0, 6),
        Cities = WeightedPool<CustomerCity>.Zipf(SpanishCities, 1.0, 2),
        Streets = SpanishStreets(),
        PersonalDomains = Weighted(SpanishMailDomains),
        CompanyDomains = Companies(random, ".es"),
        Nicknames = new Nicknames(SpanishNicknames),
    };

    /// <summary>Nguyen holds a third of the people; the other two thirds follow Zipf over a few thousand surnames.</summary>
    private static WeightedPool<string> ConcentratedSurnames(Randomizer random)
    {
        var tail = new List<string>(VietnameseSurnames.Length + UsSurnames.Length + 6000);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "nguyen" };
        AddNew(tail, seen, VietnameseSurnames);
        AddNew(tail, seen, UsSurnames);
        AddNew(tail, seen, Shuffled(random, WorldSurnames()));
        var weights = new double[tail.Count + 1];
        var tailTotal = 0.0;
        for (var i = 0; i < tail.Count; i++)
        {
            weights[i + 1] = 1.0 / (i + 2.5);
            tailTotal += weights[i + 1];
        }

        // w / (w + tail) = 1/3.
        weights[0] = tailTotal / 2;
        return new WeightedPool<string>([.. (string[])["nguyen"], .. tail], weights);
    }

    /// <summary>Thousands of surnames, almost uniform: the commonest gets well under 0.2% of the people.</summary>
    private static WeightedPool<string> DiverseSurnames(Randomizer random)
    {
        var names = new List<string>(UsSurnames.Length + 6000);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddNew(names, seen, UsSurnames);
        AddNew(names, seen, Shuffled(random, WorldSurnames()));
        return WeightedPool<string>.Zipf(names, 1.0, 2000);
    }

    /// <summary>The INE head (García ~4%), then a Zipf tail of Hispanic surnames continuing from the head's last weight.</summary>
    private static WeightedPool<string> SpanishSurnames()
    {
        var names = new List<string>(700);
        var weights = new List<double>(700);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, thousands) in SpanishSurnameHead)
        {
            if (seen.Add(CustomerText.StripAccents(name)))
            {
                names.Add(name);
                weights.Add(thousands);
            }
        }

        var last = weights[^1];
        var rank = names.Count;
        foreach (var name in BogusList("es", "last_name").Concat(BogusList("es_MX", "last_name")))
        {
            var lower = name.ToLowerInvariant();
            if (seen.Add(CustomerText.StripAccents(lower)))
            {
                names.Add(lower);
                weights.Add(last * rank / (names.Count + 1.0));
            }
        }

        return new WeightedPool<string>(names, weights);
    }

    /// <summary>Surnames of many origins from Bogus's locales, folded to ASCII as US systems store them.</summary>
    private static List<string> WorldSurnames()
    {
        string[] locales =
        [
            "en", "de", "it", "pl", "es", "es_MX", "fr", "nl", "pt_PT", "tr", "ro", "en_IND", "en_NG", "en_ZA",
            "en_AU", "fi", "nb_NO", "de_CH", "nl_BE", "pt_BR", "sv",
        ];
        var names = new List<string>(6000);
        foreach (var locale in locales)
        {
            foreach (var name in BogusList(locale, "last_name"))
            {
                var folded = CustomerText.StripAccents(name).ToLowerInvariant();
                if (folded.Length > 1 && folded.All(c => c is (>= 'a' and <= 'z') or '\'' or '-' or ' '))
                {
                    names.Add(folded);
                }
            }
        }

        return names;
    }

    /// <summary>The first <paramref name="count"/> of Bogus's English names at <paramref name="path"/>, lower-case and distinct.</summary>
    internal static List<string> BogusNames(string path, int count)
    {
        var names = BogusList("en", path);
        return [.. names.Take(count).Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
    }

    internal static List<string> BogusList(string locale, string path)
    {
        var array = (BArray)Database.Get("name", path, locale, locale);
        var list = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            list.Add(array[i].StringValue);
        }

        return list;
    }

    private static List<string> Interleave(List<string> first, string[] second)
    {
        var result = new List<string>(first.Count + second.Length);
        for (var i = 0; i < Math.Max(first.Count, second.Length); i++)
        {
            if (i < first.Count)
            {
                result.Add(first[i]);
            }

            if (i < second.Length)
            {
                result.Add(second[i]);
            }
        }

        return Distinct(result);
    }

    private static List<string> Distinct(IEnumerable<string> names) => [.. names.Distinct(StringComparer.Ordinal)];

    private static void AddNew(List<string> target, HashSet<string> seen, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (seen.Add(name))
            {
                target.Add(name);
            }
        }
    }

    private static List<T> Shuffled<T>(Randomizer random, List<T> items)
    {
        CustomerBase.Shuffle(random, items);
        return items;
    }

    private static WeightedPool<string> Weighted((string Item, double Weight)[] items) =>
        new([.. items.Select(i => i.Item)], [.. items.Select(i => i.Weight)]);

    /// <summary>A few hundred employers' domains; big employers (low ranks) have many staff, so work addresses collide there.</summary>
    private static WeightedPool<string> Companies(Randomizer random, string tld)
    {
        var domains = new List<string>(CompanyStems.Length * CompanySuffixes.Length);
        foreach (var stem in CompanyStems)
        {
            foreach (var suffix in CompanySuffixes)
            {
                domains.Add(stem + suffix + tld);
            }
        }

        return WeightedPool<string>.Zipf(Shuffled(random, domains), 1.0, 5);
    }

    private static string[] UsStreets()
    {
        var streets = new List<string>(UsStreetNames.Length * UsStreetSuffixes.Length + 80);
        foreach (var name in UsStreetNames)
        {
            foreach (var suffix in UsStreetSuffixes)
            {
                streets.Add(name + " " + suffix);
            }
        }

        for (var n = 1; n <= 40; n++)
        {
            var ordinal = n % 10 == 1 && n != 11 ? "st" : n % 10 == 2 && n != 12 ? "nd" : n % 10 == 3 && n != 13 ? "rd" : "th";
            streets.Add(string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture), ordinal, " St"));
            streets.Add(string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture), ordinal, " Ave"));
        }

        return [.. streets];
    }

    private static string[] SpanishStreets()
    {
        var streets = new List<string>(SpanishStreetNames.Length * SpanishStreetTypes.Length);
        foreach (var name in SpanishStreetNames)
        {
            foreach (var type in SpanishStreetTypes)
            {
                streets.Add(type + " " + name);
            }
        }

        return [.. streets];
    }

    // ---- Data. Ranked lists are in rough order of frequency (US Census 2010, INE); weights are relative. ----

    private static readonly string[] UsSurnames =
    [
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin",
        "lee", "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson",
        "walker", "young", "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores",
        "green", "adams", "nelson", "baker", "hall", "rivera", "campbell", "mitchell", "carter", "roberts",
        "gomez", "phillips", "evans", "turner", "diaz", "parker", "cruz", "edwards", "collins", "reyes",
        "stewart", "morris", "morales", "murphy", "cook", "rogers", "gutierrez", "ortiz", "morgan", "cooper",
        "peterson", "bailey", "reed", "kelly", "howard", "ramos", "kim", "cox", "ward", "richardson",
        "watson", "brooks", "chavez", "wood", "james", "bennett", "gray", "mendoza", "ruiz", "hughes",
        "price", "alvarez", "castillo", "sanders", "patel", "myers", "long", "ross", "foster", "jimenez",
    ];

    private static readonly string[] VietnameseSurnames =
    [
        "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
        "ly", "dao", "doan", "vuong", "trinh", "dinh", "lam", "phung", "mai", "to", "truong", "ha", "luu", "cao",
        "ta", "chau", "quach", "la", "thai", "kieu", "tang", "trieu", "luong", "mac", "tong",
    ];

    private static readonly string[] VietnameseFemale =
    [
        "linh", "huong", "lan", "mai", "hoa", "trang", "thao", "ngoc", "phuong", "hanh", "thu", "thuy", "hang",
        "nga", "van", "tam", "anh", "vy", "my", "trinh", "nhung", "yen", "kim", "diep", "chi", "uyen",
    ];

    private static readonly string[] VietnameseMale =
    [
        "minh", "tuan", "hung", "duc", "long", "nam", "hai", "quang", "hieu", "khoa", "phuc", "dat", "huy", "son",
        "thanh", "trung", "vinh", "bao", "khang", "loc", "tai", "tien", "thang", "dung", "cuong", "hoang",
    ];

    private static readonly (string Name, double Thousands)[] SpanishSurnameHead =
    [
        ("garcía", 1378), ("rodríguez", 925), ("gonzález", 923), ("fernández", 904), ("lópez", 868),
        ("martínez", 827), ("sánchez", 800), ("pérez", 760), ("gómez", 490), ("martín", 478), ("jiménez", 385),
        ("ruiz", 343), ("hernández", 330), ("díaz", 326), ("moreno", 310), ("muñoz", 284), ("álvarez", 281),
        ("romero", 232), ("alonso", 220), ("gutiérrez", 215), ("navarro", 195), ("torres", 190), ("domínguez", 183),
        ("vázquez", 170), ("ramos", 168), ("gil", 163), ("ramírez", 160), ("serrano", 158), ("blanco", 155),
        ("molina", 150), ("morales", 145), ("suárez", 143), ("ortega", 142), ("delgado", 140), ("castro", 138),
        ("ortiz", 135), ("rubio", 133), ("marín", 130), ("sanz", 129), ("núñez", 125), ("iglesias", 124),
        ("medina", 122), ("garrido", 120), ("cortés", 115), ("castillo", 114), ("santos", 113), ("lozano", 112),
        ("guerrero", 111), ("cano", 110), ("prieto", 107), ("méndez", 106), ("cruz", 104), ("calvo", 103),
        ("gallego", 102), ("vidal", 100), ("león", 99), ("márquez", 98), ("herrera", 97), ("peña", 96),
        ("flores", 95), ("cabrera", 94), ("campos", 93), ("vega", 92), ("fuentes", 90), ("carrasco", 89),
        ("díez", 88), ("caballero", 87), ("reyes", 86), ("nieto", 85), ("aguilar", 84), ("pascual", 83),
        ("santana", 82), ("herrero", 81), ("lorenzo", 80), ("montero", 79), ("hidalgo", 78), ("giménez", 77),
        ("ibáñez", 76), ("ferrer", 75), ("durán", 74), ("santiago", 73), ("benítez", 72), ("mora", 71),
        ("vicente", 70), ("vargas", 69), ("arias", 68), ("carmona", 67), ("crespo", 66), ("román", 65),
        ("pastor", 64), ("soto", 63), ("sáez", 62), ("velasco", 61), ("moya", 60), ("soler", 59), ("parra", 58),
        ("esteban", 57), ("bravo", 56), ("gallardo", 55), ("rojas", 54),
    ];

    private static readonly string[] SpanishMale =
    [
        "antonio", "josé", "manuel", "francisco", "david", "juan", "javier", "josé antonio", "daniel", "josé luis",
        "francisco javier", "carlos", "jesús", "alejandro", "miguel", "josé manuel", "rafael", "pablo", "pedro",
        "ángel", "sergio", "fernando", "jorge", "luis", "miguel ángel", "alberto", "juan carlos", "josé maría",
        "álvaro", "diego", "adrián", "juan josé", "raúl", "enrique", "ramón", "vicente", "iván", "rubén", "óscar",
        "andrés", "joaquín", "juan antonio", "santiago", "eduardo", "víctor", "roberto", "jaime", "francisco josé",
        "mario", "ignacio", "alfonso", "salvador", "ricardo", "marcos", "jordi", "emilio", "julián", "julio",
        "guillermo", "gabriel", "tomás", "agustín", "josé miguel", "marc", "gonzalo", "félix", "josé ramón",
        "mohamed", "hugo", "joan", "ismael", "nicolás", "cristian", "samuel", "mariano", "josep", "domingo",
        "juan francisco", "aitor", "martín", "alfredo", "felipe", "héctor", "césar", "sebastián", "lucas",
        "xavier", "rodrigo", "mateo", "iker", "leo", "gregorio", "lorenzo", "esteban", "benito", "arturo",
        "ernesto", "germán", "fermín", "borja", "unai", "jon", "asier", "gerardo", "pascual", "teodoro",
        "cristóbal", "marcelino", "valentín", "bruno", "izan", "álex", "eric", "thiago", "aleix", "pau", "oriol",
        "jacinto", "isidro", "ezequiel", "benjamín", "ceferino", "baltasar", "eloy", "abel", "aarón", "adolfo",
        "jonathan", "omar", "rayan", "victoriano", "patricio", "humberto", "eusebio", "leandro", "lisardo",
    ];

    private static readonly string[] SpanishFemale =
    [
        "maría carmen", "maría", "carmen", "ana maría", "laura", "maría pilar", "maría dolores", "isabel", "josefa",
        "maría teresa", "ana", "marta", "cristina", "maría ángeles", "lucía", "maría isabel", "maría josé",
        "francisca", "antonia", "dolores", "sara", "paula", "elena", "maría luisa", "raquel", "rosa maría",
        "pilar", "concepción", "manuela", "mercedes", "julia", "beatriz", "nuria", "silvia", "rosario", "juana",
        "alba", "irene", "teresa", "encarnación", "patricia", "montserrat", "andrea", "rocío", "mónica", "rosa",
        "alicia", "maría mar", "sonia", "sandra", "ángela", "marina", "susana", "natalia", "yolanda", "margarita",
        "maría josefa", "claudia", "eva", "maría rosario", "inmaculada", "sofía", "maría mercedes", "carla",
        "ana isabel", "esther", "noelia", "verónica", "carolina", "nerea", "ángeles", "daniela", "eva maría",
        "inés", "miriam", "maría cristina", "lorena", "ana belén", "victoria", "amparo", "maría elena", "catalina",
        "martina", "lidia", "alejandra", "celia", "maría nieves", "consuelo", "olga", "ainhoa", "fátima", "gloria",
        "emilia", "maría soledad", "clara", "maría rosa", "vanesa", "anna", "estefanía", "vicenta", "adriana",
        "maría victoria", "lourdes", "aurora", "esperanza", "milagros", "ainara", "valeria", "leire", "tamara",
        "asunción", "elisa", "luisa", "remedios", "soledad", "belén", "jimena", "paloma", "begoña", "rebeca",
        "almudena", "macarena", "covadonga", "guadalupe", "josefina", "trinidad", "iratxe", "noemí", "marisol",
    ];

    private static readonly (string Name, string[] Nicknames)[] EnglishNicknames =
    [
        ("robert", ["bob", "rob", "bobby"]), ("william", ["bill", "will", "billy"]), ("elizabeth", ["liz", "beth", "betty"]),
        ("james", ["jim", "jimmy"]), ("michael", ["mike"]), ("katherine", ["kate", "kathy"]), ("margaret", ["peggy", "maggie"]),
        ("thomas", ["tom"]), ("david", ["dave"]), ("christopher", ["chris"]), ("jennifer", ["jen", "jenny"]),
        ("richard", ["rick", "dick"]), ("joseph", ["joe"]), ("daniel", ["dan", "danny"]), ("matthew", ["matt"]),
        ("anthony", ["tony"]), ("patricia", ["pat", "patty", "trish"]), ("susan", ["sue"]), ("charles", ["charlie", "chuck"]),
        ("edward", ["ed", "eddie"]), ("alexander", ["alex"]), ("nicholas", ["nick"]), ("samantha", ["sam"]),
        ("rebecca", ["becky"]), ("deborah", ["debbie"]), ("steven", ["steve"]), ("andrew", ["andy"]), ("benjamin", ["ben"]),
        ("jonathan", ["jon"]), ("timothy", ["tim"]), ("kimberly", ["kim"]), ("victoria", ["vicky"]), ("kenneth", ["ken"]),
        ("ronald", ["ron"]), ("donald", ["don"]), ("gregory", ["greg"]), ("jeffrey", ["jeff"]), ("lawrence", ["larry"]),
        ("raymond", ["ray"]), ("barbara", ["barb"]), ("jessica", ["jess"]), ("christine", ["chris", "chrissy"]),
        ("dorothy", ["dot"]), ("john", ["jack", "johnny"]), ("catherine", ["cathy", "kate"]),
    ];

    private static readonly (string Name, string[] Nicknames)[] SpanishNicknames =
    [
        ("josé", ["pepe"]), ("francisco", ["paco", "curro", "fran"]), ("dolores", ["lola"]), ("ignacio", ["nacho"]),
        ("pilar", ["pili"]), ("manuel", ["manolo"]), ("concepción", ["concha", "conchi"]), ("rosario", ["charo"]),
        ("josé maría", ["chema"]), ("enrique", ["quique"]), ("antonio", ["toni"]), ("rafael", ["rafa"]),
        ("javier", ["javi"]), ("daniel", ["dani"]), ("alejandro", ["álex"]), ("maría teresa", ["maite"]),
        ("jesús", ["chus", "chuchi"]), ("fernando", ["nando"]), ("francisca", ["paqui"]), ("mercedes", ["merche"]),
        ("guillermo", ["guille"]), ("josefa", ["pepa"]), ("eduardo", ["edu"]), ("inmaculada", ["inma"]),
        ("maría isabel", ["maribel"]), ("maría carmen", ["mari carmen", "mamen"]), ("maría josé", ["majo"]),
        ("encarnación", ["encarna"]), ("montserrat", ["montse"]), ("asunción", ["asun"]), ("remedios", ["reme"]),
        ("francisco javier", ["fran", "javi"]), ("roberto", ["rober"]),
    ];

    private static readonly CustomerCity[] UsCities =
    [
        new("New York", "100", "212"), new("Los Angeles", "900", "213"), new("Chicago", "606", "312"),
        new("Houston", "770", "713"), new("Phoenix", "850", "602"), new("Philadelphia", "191", "215"),
        new("San Antonio", "782", "210"), new("San Diego", "921", "619"), new("Dallas", "752", "214"),
        new("San Jose", "951", "408"), new("Austin", "787", "512"), new("Jacksonville", "322", "904"),
        new("Brooklyn", "112", "718"), new("Fort Worth", "761", "817"), new("Columbus", "432", "614"),
        new("Charlotte", "282", "704"), new("Indianapolis", "462", "317"), new("San Francisco", "941", "415"),
        new("Seattle", "981", "206"), new("Denver", "802", "303"), new("Washington", "200", "202"),
        new("Boston", "021", "617"), new("El Paso", "799", "915"), new("Nashville", "372", "615"),
        new("Detroit", "482", "313"), new("Oklahoma City", "731", "405"), new("Portland", "972", "503"),
        new("Las Vegas", "891", "702"), new("Memphis", "381", "901"), new("Louisville", "402", "502"),
        new("Baltimore", "212", "410"), new("Milwaukee", "532", "414"), new("Albuquerque", "871", "505"),
        new("Tucson", "857", "520"), new("Fresno", "937", "559"), new("Sacramento", "958", "916"),
        new("Kansas City", "641", "816"), new("Mesa", "852", "480"), new("Atlanta", "303", "404"),
        new("Omaha", "681", "402"), new("Colorado Springs", "809", "719"), new("Raleigh", "276", "919"),
        new("Long Beach", "908", "562"), new("Virginia Beach", "234", "757"), new("Miami", "331", "305"),
        new("Oakland", "946", "510"), new("Minneapolis", "554", "612"), new("Tulsa", "741", "918"),
        new("Bakersfield", "933", "661"), new("Wichita", "672", "316"), new("Arlington", "760", "817"),
        new("Tampa", "336", "813"), new("New Orleans", "701", "504"), new("Cleveland", "441", "216"),
        new("Honolulu", "968", "808"), new("Anaheim", "928", "714"), new("Santa Ana", "927", "714"),
        new("Westminster", "926", "714"), new("Garden Grove", "928", "714"), new("Orlando", "328", "407"),
        new("St. Louis", "631", "314"), new("Pittsburgh", "152", "412"), new("Cincinnati", "452", "513"),
        new("Riverside", "925", "951"), new("Stockton", "952", "209"), new("Plano", "750", "972"),
        new("Irvine", "926", "949"), new("Lincoln", "685", "402"),
    ];

    private static readonly CustomerCity[] SpanishCities =
    [
        new("Madrid", "280", "91"), new("Barcelona", "080", "93"), new("Valencia", "460", "96"), new("Sevilla", "410", "95"),
        new("Zaragoza", "500", "976"), new("Málaga", "290", "95"), new("Murcia", "300", "968"), new("Palma", "070", "971"),
        new("Las Palmas de Gran Canaria", "350", "928"), new("Bilbao", "480", "94"), new("Alicante", "030", "96"),
        new("Córdoba", "140", "957"), new("Valladolid", "470", "983"), new("Vigo", "362", "986"), new("Gijón", "332", "98"),
        new("L'Hospitalet de Llobregat", "089", "93"), new("Vitoria-Gasteiz", "010", "945"), new("A Coruña", "150", "981"),
        new("Elche", "032", "96"), new("Granada", "180", "958"), new("Terrassa", "082", "93"), new("Badalona", "089", "93"),
        new("Oviedo", "330", "98"), new("Cartagena", "302", "968"), new("Sabadell", "082", "93"),
        new("Jerez de la Frontera", "114", "956"), new("Móstoles", "289", "91"), new("Santa Cruz de Tenerife", "380", "922"),
        new("Pamplona", "310", "948"), new("Almería", "040", "950"), new("Alcalá de Henares", "288", "91"),
        new("Fuenlabrada", "289", "91"), new("Leganés", "289", "91"), new("San Sebastián", "200", "943"),
        new("Getafe", "289", "91"), new("Burgos", "090", "947"), new("Albacete", "020", "967"), new("Santander", "390", "942"),
        new("Castellón de la Plana", "120", "964"), new("Alcorcón", "289", "91"), new("Logroño", "260", "941"),
        new("Badajoz", "060", "924"), new("Salamanca", "370", "923"), new("Huelva", "210", "959"), new("Marbella", "296", "95"),
        new("Lleida", "250", "973"), new("Tarragona", "430", "977"), new("León", "240", "987"), new("Cádiz", "110", "956"),
        new("Jaén", "230", "953"), new("Ourense", "320", "988"), new("Girona", "170", "972"), new("Lugo", "270", "982"),
        new("Cáceres", "100", "927"), new("Toledo", "450", "925"), new("Ávila", "050", "920"), new("Segovia", "400", "921"),
        new("Cuenca", "160", "969"), new("Zamora", "490", "980"),
    ];

    private static readonly string[] UsStreetNames =
    [
        "Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Walnut", "Sunset",
        "Lincoln", "Jackson", "Church", "River", "Highland", "Spring", "Ridge", "Forest", "Meadow", "Willow",
        "Cherry", "Chestnut", "Madison", "Jefferson", "Franklin", "Adams", "Center", "Mill", "Union", "Grove",
        "Broadway", "Bolsa", "Brookhurst", "Magnolia", "Hickory", "Birch", "Sycamore", "Dogwood", "Laurel",
        "Fairview", "Valley", "College", "Prospect", "Liberty", "Market", "Front", "Water", "Bridge", "School",
        "Railroad", "Orchard", "Hillcrest", "Woodland", "Lakeview", "Riverside", "Sunrise", "Country Club",
        "Canyon", "Mesa", "Palm", "Ocean", "Bay", "Harbor", "Colonial", "Victoria", "Heritage", "Beach", "Euclid",
    ];

    private static readonly string[] UsStreetSuffixes = ["St", "Ave", "Rd", "Dr", "Ln", "Blvd", "Ct", "Way", "Pl"];

    private static readonly string[] SpanishStreetTypes = ["Calle", "Avenida", "Plaza", "Paseo", "Camino", "Ronda", "Travesía"];

    private static readonly string[] SpanishStreetNames =
    [
        "Mayor", "Real", "de Alcalá", "Gran Vía", "de la Constitución", "San Juan", "Santa María", "del Sol", "de Goya",
        "de Cervantes", "de Colón", "Nueva", "del Carmen", "de la Paz", "San Francisco", "de Castilla", "de Andalucía",
        "de España", "de los Reyes Católicos", "de Valencia", "Doctor Fleming", "Juan Carlos I", "Federico García Lorca",
        "Antonio Machado", "Miguel de Unamuno", "Blas de Otero", "de Sevilla", "San José", "de la Iglesia", "del Mar",
        "de la Estación", "de las Flores", "del Río", "de Pío XII", "de Santiago", "Ramón y Cajal", "Jacinto Benavente",
        "Severo Ochoa", "de la Libertad", "Príncipe de Vergara", "de Velázquez", "de Serrano", "de Zurbarán",
        "Lope de Vega", "Isaac Peral", "Menéndez Pelayo", "de Cataluña", "de Aragón", "de Galicia", "de Murcia",
        "de Toledo", "de Granada", "Mariana Pineda", "Rosalía de Castro", "Ortega y Gasset", "Hermanos Machado",
        "San Sebastián", "San Pedro", "San Antonio", "de la Virgen del Pilar", "de la Cruz", "Alfonso XIII",
        "Blasco Ibáñez", "Pablo Picasso", "Joan Miró", "Núñez de Balboa", "Hernán Cortés", "de la Muñeca",
    ];

    private static readonly (string, double)[] UsMailDomains =
    [
        ("gmail.com", 44), ("yahoo.com", 14), ("icloud.com", 10), ("hotmail.com", 9), ("outlook.com", 8),
        ("aol.com", 4), ("comcast.net", 4), ("proton.me", 3), ("msn.com", 2), ("live.com", 2),
    ];

    private static readonly (string, double)[] SpanishMailDomains =
    [
        ("gmail.com", 55), ("hotmail.com", 14), ("hotmail.es", 8), ("yahoo.es", 6), ("outlook.es", 6),
        ("icloud.com", 5), ("telefonica.net", 2), ("proton.me", 2), ("live.com", 2),
    ];

    private static readonly string[] CompanyStems =
    [
        "stark", "acme", "globex", "initech", "umbrella", "wayne", "hooli", "vandelay", "wonka", "cyberdyne",
        "soylent", "tyrell", "dunder", "aperture", "oscorp", "nakatomi", "monarch", "vehement", "massive", "north",
        "bluewater", "summit", "pioneer", "apex", "vertex", "lumen", "atlas", "orbit", "nova", "cedar", "harbor",
        "granite", "silverline", "prime", "brightpath", "clearview", "corestone", "evergreen", "redwood", "keystone",
    ];

    private static readonly string[] CompanySuffixes = ["corp", "labs", "group", "tech", "systems", "health", "logistics", "partners", "media", "foods"];
}

/// <summary>Given names and their nicknames (robert: bob, rob), and back from a nickname to its names.</summary>
internal sealed class Nicknames
{
    private readonly Dictionary<string, string[]> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byNickname = new(StringComparer.Ordinal);

    public Nicknames(IEnumerable<(string Name, string[] Nicknames)> pairs)
    {
        foreach (var (name, nicknames) in pairs)
        {
            _byName[name] = nicknames;
            foreach (var nickname in nicknames)
            {
                if (!_byNickname.TryGetValue(nickname, out var names))
                {
                    _byNickname[nickname] = names = [];
                }

                names.Add(name);
            }
        }
    }

    public string[]? Of(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Whether two given names could be taken for one person's: equal, one a nickname of the other, sharing a
    /// nickname (christopher, christine: chris), or sharing a first word (josé, josé luis).
    /// </summary>
    public bool Related(string a, string b)
    {
        if (a == b || FirstWord(a).SequenceEqual(FirstWord(b)))
        {
            return true;
        }

        foreach (var x in Forms(a))
        {
            foreach (var y in Forms(b))
            {
                if (x == y)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The name, its nicknames and, when it is itself a nickname, the names it stands for.</summary>
    private IEnumerable<string> Forms(string name)
    {
        yield return name;
        foreach (var nickname in _byName.GetValueOrDefault(name) ?? [])
        {
            yield return nickname;
        }

        foreach (var full in _byNickname.GetValueOrDefault(name) ?? [])
        {
            yield return full;
        }
    }

    private static ReadOnlySpan<char> FirstWord(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? name : name.AsSpan(0, space);
    }
}
