namespace ProfileHub.Core.Normalization;

/// <summary>
/// Common English and Spanish diminutives and the given name each stands for, as data in one place.
/// Where a diminutive serves several names (alex, chris, sam, pat, toni) the line listed first gives its
/// canonical form, so the order of the lines is part of the data; <see cref="MayBeOneName"/> still knows
/// every name it stands for (toni: antonia and antonio).
/// </summary>
internal static class GivenNames
{
    // "canonical: diminutive diminutive ..." (already in NameNormalizer.Normalize form).
    private const string Data = """
        robert: bob bobby bobbie rob robbie robby bert bertie rab
        william: bill billy billie will willie willy liam wm
        richard: dick dickie rick ricky rich richie
        james: jim jimmy jimmie jamie jem jas
        john: jack johnny jon jonny
        jonathan: jon jonny jonathon
        joseph: joe joey jos
        thomas: tom tommy thom
        charles: charlie chuck chas chaz
        christopher: chris topher
        michael: mike mikey mick mickey micky
        edward: ed eddie eddy ted teddy ned
        daniel: dan danny dani
        david: dave davy davie
        anthony: tony ant
        andrew: andy drew
        alexander: alex al alec xander sandy
        benjamin: ben benny benji
        samuel: sam sammy
        nicholas: nick nicky nico
        matthew: matt matty
        steven: steve stevie stephen
        stephen: steph
        timothy: tim timmy
        patrick: pat paddy patty
        peter: pete
        oliver: olly ollie
        gregory: greg
        jeffrey: jeff geoff geoffrey
        kenneth: ken kenny
        ronald: ron ronnie
        donald: don donnie
        raymond: ray
        lawrence: larry laurie
        leonard: len lenny
        gerald: gerry jerry
        harold: harry hal
        henry: hank
        frederick: fred freddie freddy
        francis: frank frankie
        franklin: frank
        albert: al bert
        alfred: alf alfie fred
        arthur: art artie
        walter: walt wally
        eugene: gene
        vincent: vince vinny vinnie
        philip: phil pip phillip
        douglas: doug
        bradley: brad
        nathaniel: nate nat
        zachary: zach zack zak
        jacob: jake
        joshua: josh
        gabriel: gabe
        theodore: theo
        ernest: ernie
        herbert: herb herbie
        stanley: stan
        louis: lou louie
        dennis: denny
        randolph: randy
        randall: randy
        russell: russ
        clifford: cliff
        augustus: gus
        terence: terry
        victor: vic
        calvin: cal
        elizabeth: liz lizzie lizzy beth betty betsy bess bessie eliza libby
        margaret: peggy peg maggie meg marge margie madge
        katherine: kate katie kathy kat kay kitty catherine kathryn cathy
        catherine: cath
        patricia: pat patty patsy tricia trish
        jennifer: jen jenny jenn
        susan: sue susie suzy
        deborah: deb debbie debby
        rebecca: becky becca
        barbara: barb babs
        dorothy: dot dottie dolly
        victoria: vicky vicki tori
        christine: chris chrissy tina
        christina: tina
        jessica: jess jessie
        abigail: abby gail
        alexandra: lexi sasha
        samantha: sam sammy sammie
        amanda: mandy
        cynthia: cindy
        pamela: pam
        judith: judy
        kimberly: kim
        theresa: terri tess tessa
        teresa: tere
        frances: fran fanny
        eleanor: nell nellie
        helen: nell
        caroline: carrie
        carolyn: carol
        gwendolyn: gwen
        josephine: jo josie
        jacqueline: jackie
        natalie: nat
        valerie: val
        veronica: ronnie
        virginia: ginny ginger
        wilhelmina: mina
        sarah: sally sadie sara
        mary: polly molly mae mamie
        ann: annie nan nancy
        anne: annie
        antonia: toni
        francisco: paco pancho curro quico fran cisco kiko
        jose: pepe chepe pepito
        ignacio: nacho
        guadalupe: lupe lupita
        manuel: manolo manu
        dolores: lola loli
        concepcion: concha conchi conchita
        rosario: charo chayo
        enrique: quique
        jesus: chucho chuy
        alfonso: poncho
        antonio: toni tono tonio
        eduardo: lalo edu
        mercedes: meche
        consuelo: chelo
        federico: fede
        alejandro: ale jandro
        guillermo: memo guille
        roberto: beto
        humberto: tito
        fernando: nando fer
        gonzalo: chalo
        rafael: rafa
        santiago: santi chago
        luis: lucho
        jorge: coque
        ramon: moncho
        rodrigo: rodri
        salvador: chava salva
        isabel: isa chabela
        maria: mari
        maria jose: majo
        jose maria: chema
        josefa: pepa pepita
        ana: anita
        pilar: pili
        montserrat: montse
        milagros: mili
        soledad: sole
        esperanza: espe
        asuncion: chon
        carmen: mamen menchu
        cristina: cris
        margarita: marga
        gertrudis: tula
        graciela: chela
        francisca: paqui paca quica curra
        maria carmen: maricarmen mamen
        maria teresa: maite
        maria isabel: maribel
        maria dolores: lola loli
        maria pilar: pili
        jesus: chus chuchi
        javier: javi
        francisco javier: javi fran
        alejandro: alex
        alejandra: ale
        mercedes: merche
        inmaculada: inma
        encarnacion: encarna
        asuncion: asun
        remedios: reme
        roberto: rober
        purificacion: puri
        manuela: manoli
        macarena: maca
        leticia: leti
        beatriz: bea
        patricia: patri
        natalia: nati
        alberto: berto
        joaquin: quino
        gregorio: goyo
        trinidad: trini
        """;

    private static readonly Dictionary<string, string> Canonical = Build();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Canonical.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every canonical name each listed name may stand for (toni: antonia, antonio).</summary>
    private static readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> Meanings =
        BuildMeanings().GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Per canonical name, the initials (a bit per letter) of every listed name that may stand for it.</summary>
    private static readonly Dictionary<string, int> InitialsOf = BuildInitials();

    public static IEnumerable<KeyValuePair<string, string>> Entries => Canonical;

    /// <summary>
    /// Whether <paramref name="initial"/> may stand for a first name: its own initial, its formal name's or one of
    /// the formal name's diminutives', as a bearer signs any name they go by (F for Nando, Fernando; T for
    /// Anthony, who goes by Tony; C for Kate, through Catherine). <paramref name="canonical"/> is the name's canonical form.
    /// </summary>
    public static bool MayBeInitialOf(char initial, string name, string canonical) =>
        initial == name[0] || initial == canonical[0]
        || (initial is >= 'a' and <= 'z' && InitialsOf.TryGetValue(canonical, out var initials) && (initials & (1 << (initial - 'a'))) != 0);

    public static bool TryFind(ReadOnlySpan<char> name, out string canonical) =>
        Lookup.TryGetValue(name, out canonical!);

    /// <summary>
    /// Whether two normalized given names may name one person: the same name, or a diminutive of any name the
    /// other may stand for (alex / alejandro although alex's canonical form is alexander, toni / antonio). A
    /// compound name ("francisco javier", "maria carmen") may also go by one of its words or that word's
    /// diminutives (javi, mamen); two different compound names stay two names (maria carmen / maria jose).
    /// </summary>
    public static bool MayBeOneName(string x, string y)
    {
        if (ShareMeaning(x, y))
        {
            return true;
        }

        var xCompound = x.Contains(' ', StringComparison.Ordinal);
        var yCompound = y.Contains(' ', StringComparison.Ordinal);
        return xCompound != yCompound && (xCompound ? AnyWordMayBe(x, y) : AnyWordMayBe(y, x));
    }

    /// <summary>
    /// Whether <paramref name="typed"/> is one slip (a letter changed, added or dropped, or two swapped) from a
    /// name the table lists that may be one name with <paramref name="name"/>: ptricia / patty through patricia,
    /// jmimy / james through jimmy, mkie / michael through mike. Jaro-Winkler misses these: the slip and the
    /// nickname each change the name.
    /// </summary>
    public static bool MayBeMistypedOf(string typed, string name)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(name);
        if (typed.Length is < 2 or > 24)
        {
            return false;
        }

        Span<char> candidate = stackalloc char[typed.Length + 1];
        var word = typed.AsSpan();
        for (var i = 0; i <= word.Length; i++)
        {
            // Dropped here: the letter at i was not typed.
            for (var c = 'a'; c <= 'z'; c++)
            {
                word[..i].CopyTo(candidate);
                candidate[i] = c;
                word[i..].CopyTo(candidate[(i + 1)..]);
                if (Listed(candidate[..(word.Length + 1)], name))
                {
                    return true;
                }
            }

            if (i == word.Length)
            {
                break;
            }

            // Added at i, changed at i, or swapped with the next letter.
            word[..i].CopyTo(candidate);
            word[(i + 1)..].CopyTo(candidate[i..]);
            if (Listed(candidate[..(word.Length - 1)], name))
            {
                return true;
            }

            word.CopyTo(candidate);
            for (var c = 'a'; c <= 'z'; c++)
            {
                candidate[i] = c;
                if (c != word[i] && Listed(candidate[..word.Length], name))
                {
                    return true;
                }
            }

            if (i + 1 < word.Length && word[i] != word[i + 1])
            {
                word.CopyTo(candidate);
                (candidate[i], candidate[i + 1]) = (word[i + 1], word[i]);
                if (Listed(candidate[..word.Length], name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Listed(ReadOnlySpan<char> candidate, string name) =>
        Meanings.TryGetValue(candidate, out _) && ShareMeaning(candidate, name);

    private static bool AnyWordMayBe(string compound, string single)
    {
        foreach (var range in compound.AsSpan().Split(' '))
        {
            if (ShareMeaning(compound.AsSpan()[range], single))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ShareMeaning(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (x.SequenceEqual(y))
        {
            return true;
        }

        var xs = Meanings.TryGetValue(x, out var xMeanings) ? xMeanings : null;
        var ys = Meanings.TryGetValue(y, out var yMeanings) ? yMeanings : null;
        if (xs is null || ys is null)
        {
            // A name the table does not know means only itself.
            return (xs is not null && Contains(xs, y)) || (ys is not null && Contains(ys, x));
        }

        foreach (var meaning in xs)
        {
            if (Contains(ys, meaning))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(string[] names, ReadOnlySpan<char> name)
    {
        foreach (var candidate in names)
        {
            if (name.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, int> BuildInitials()
    {
        var initials = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, meanings) in BuildMeanings())
        {
            if (name[0] is >= 'a' and <= 'z')
            {
                foreach (var meaning in meanings)
                {
                    initials[meaning] = initials.GetValueOrDefault(meaning) | (1 << (name[0] - 'a'));
                }
            }
        }

        return initials;
    }

    private static Dictionary<string, string[]> BuildMeanings()
    {
        var meanings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in Lines())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var canonical = Canonical[line[..colon]];
            foreach (var name in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(line[..colon]))
            {
                if (!meanings.TryGetValue(name, out var set))
                {
                    meanings[name] = set = new HashSet<string>(StringComparer.Ordinal) { Canonical[name] };
                }

                set.Add(canonical);
            }
        }

        return meanings.ToDictionary(m => m.Key, m => m.Value.ToArray(), StringComparer.Ordinal);
    }

    private static string[] Lines() => Data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var canonical = line[..colon];
            foreach (var diminutive in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map.TryAdd(diminutive, canonical);
            }
        }

        foreach (var line in Lines())
        {
            var canonical = line[..line.IndexOf(':', StringComparison.Ordinal)];
            map.TryAdd(canonical, canonical);
        }

        // A canonical name may itself be a variant of another (steph → stephen → steven): follow the
        // chain so every entry points at the end of it.
        foreach (var (name, target) in map)
        {
            var end = target;
            for (var hops = 0; hops < 4 && map.TryGetValue(end, out var next) && next != end; hops++)
            {
                end = next;
            }

            map[name] = end;
        }

        return map;
    }
}
