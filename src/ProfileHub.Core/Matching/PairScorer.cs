namespace ProfileHub.Core.Matching;

/// <summary>
/// Turns a comparison vector into a total match weight: prior + Σ level weights, where the levels at which
/// two records share one value are weighted for that value (<see cref="ValueWeighting"/>): names and places
/// by how many records hold them (Splink's term-frequency adjustment), identifiers by how many people do.
/// </summary>
internal sealed class PairScorer
{
    /// <summary>
    /// How often, relative to a value that two people really share, a stranger turns out to hold someone's
    /// personal mailbox, loyalty id or handle (a typing slip that lands on a real address, a shared
    /// device): one time in 50. It bounds the weight of an identifier one person holds: log2(m × holders /
    /// 0.02), about 19 at 20,000 records, which outweighs a random pair's prior there (about -13.5 once
    /// calibrated, see <see cref="BatchResolver"/>) by more than one disagreeing attribute takes away (a
    /// second mailbox or phone: about -4), while a value two people hold weighs 5.7 less.
    /// </summary>
    public const double StrangerSharesPersonalValue = 0.02;

    private static readonly int[] LocationComparisons = [(int)Comparison.Address, (int)Comparison.PostalCode, (int)Comparison.City];

    private readonly FeatureTable _table;
    private readonly double[][] _weights;

    public PairScorer(FeatureTable table, FellegiSunterModel model, TermFrequencies frequencies, MatchSettings settings)
    {
        _table = table;
        Model = model;
        Frequencies = frequencies;
        Settings = settings;
        _weights = model.Weights;
    }

    public FellegiSunterModel Model { get; }

    public TermFrequencies Frequencies { get; }

    public MatchSettings Settings { get; }

    public double Score(int left, int right, out ulong vector)
    {
        vector = PairComparer.Compare(_table, left, right);
        return ScoreVector(left, right, vector);
    }

    public double ScoreVector(int left, int right, ulong vector) => ScoreVector(left, right, vector, out _);

    /// <summary>The total weight, and whether the pair's evidence is strong (see <see cref="IsStrong"/>).</summary>
    public double ScoreVector(int left, int right, ulong vector, out bool strong)
    {
        Span<double> weights = stackalloc double[Comparisons.Count];
        Weigh(left, right, vector, weights, null);
        var total = Model.PriorWeight;
        foreach (var weight in weights)
        {
            total += weight;
        }

        strong = total >= Settings.UpperThreshold + Overwhelming || IsStrong(vector, weights);
        return total;
    }

    /// <summary>
    /// Evidence, in bits, that a pair must have beyond names and places to be strong: about an 8-to-1
    /// Bayes factor, what a birth date two typos apart or a shared non-junk identifier gives and a
    /// namesake rarely has.
    /// </summary>
    public const double StrongEvidence = 3.0;

    /// <summary>
    /// Bits above the link threshold (odds of 256 to 1) past which a pair is strong whatever its evidence is:
    /// names rare enough to say that much about one person, with place and birth date agreeing to a typo.
    /// </summary>
    public const double Overwhelming = 8.0;

    private static readonly int[] PersonalComparisons =
    [
        (int)Comparison.Email, (int)Comparison.Phone, (int)Comparison.NationalId, (int)Comparison.LoyaltyId,
        (int)Comparison.ExternalId, (int)Comparison.SocialHandle, (int)Comparison.BirthDate, (int)Comparison.Address,
    ];

    /// <summary>
    /// Whether a pair rests on evidence that belongs to one person: agreements on identifiers (not junk),
    /// the birth date or the street address worth at least <see cref="StrongEvidence"/> bits together.
    /// Names, cities, postal codes, a gender and a mailbox name seen at another company are weak: many
    /// people share them, so they may attach a lone record to the one profile it fits, but never join two
    /// profiles (see <see cref="LoneRecordAttachment"/>).
    /// </summary>
    public static bool IsStrong(ulong vector, ReadOnlySpan<double> weights) => PersonalEvidence(vector, weights) >= StrongEvidence;

    /// <summary>Whether the pair agrees on anything of one person's (see <see cref="IsStrong"/>), however weakly.</summary>
    private static bool SharesPersonalValue(ulong vector, ReadOnlySpan<double> weights) => PersonalEvidence(vector, weights) > 0;

    private static double PersonalEvidence(ulong vector, ReadOnlySpan<double> weights)
    {
        var evidence = 0.0;
        foreach (var c in PersonalComparisons)
        {
            if (weights[c] > 0 && !(c == (int)Comparison.Email && ComparisonVector.Level(vector, c) == Levels.Email.NameElsewhere))
            {
                evidence += weights[c];
            }
        }

        return evidence;
    }

    /// <summary>
    /// What a scored pair's weight decides, guards aside: linked at or above the upper threshold; between the
    /// thresholds, review when a steward has something to decide on (<see cref="IsReviewable"/>); else apart.
    /// The one rule for batch (<see cref="MatchRun"/>) and incremental (<see cref="MatchIndex"/>) resolution.
    /// </summary>
    public MatchDecision Decide(ScoredPair pair) =>
        pair.Weight >= Settings.UpperThreshold ? MatchDecision.Linked
        : pair.Weight >= Settings.LowerThreshold && IsReviewable(pair.Left, pair.Right) ? MatchDecision.Review
        : MatchDecision.Apart;

    /// <summary>
    /// Whether two records' first names are two names in common use (louis / louise, charles / charlene): as
    /// close in spelling as a typo, but each held by <see cref="NameInUse"/> records or more and neither rare
    /// enough to be the other's misspelling (nicle / nicole is).
    /// On names alone such a pair is a household's two members as often as one person.
    /// </summary>
    public bool TwoGivenNamesInUse(int left, int right)
    {
        ref readonly var a = ref _table[left];
        ref readonly var b = ref _table[right];
        if (a.Given == 0 || b.Given == 0 || a.GivenCanonical == b.GivenCanonical)
        {
            return false;
        }

        var level = ComparisonVector.Level(PairComparer.Compare(_table, left, right), (int)Comparison.GivenName);
        return level is Levels.GivenName.VerySimilar or Levels.GivenName.Similar
            && Frequencies.Count(Comparison.GivenName, a.Given) >= NameInUse && Frequencies.Count(Comparison.GivenName, b.Given) >= NameInUse
            && !Frequencies.OneIsRarer(a.Given, b.Given);
    }

    /// <summary>Records that must hold a first name for it to be a name in common use rather than a one-off spelling.</summary>
    public const int NameInUse = 5;

    /// <summary>Records past which a full name is common: it may be several people's, and its parts are correlated.</summary>
    public const int CommonFullName = 5;

    /// <summary>
    /// Whether a steward reviewing the pair would have anything to decide on: the two records compare on an
    /// identifier, the birth date or the street address (agreeing or not), or share a full name rare enough
    /// (on fewer than <see cref="CommonFullName"/> records) to point at one person. Two records that share
    /// only "khoa tran", a name on dozens of records, are as likely namesakes as one person, and no one can
    /// tell which from the records: such a pair stays apart rather than filling the review queue. Nor is a pair
    /// whose first names cannot be one person's and that shares nothing personal (Ryan and Amanda Delfino at one
    /// postcode): that is a household, and its members are not a question. Nor are two records with different
    /// mailboxes, each at a mailbox provider: everyone keeps one personal mailbox, so "jose tong" at
    /// jtong60@gmail.com and at jose.tong1955@hotmail.com, or dnguyen@outlook.com and dnguyen@hotmail.com, are
    /// namesakes (a work address beside a personal one is still a question). An initial and a surname ("t pham")
    /// is never a rare full name.
    /// </summary>
    private bool IsReviewable(int left, int right)
    {
        var vector = PairComparer.Compare(_table, left, right);
        ref readonly var a = ref _table[left];
        ref readonly var b = ref _table[right];
        if (!Frequencies.CouldBeOnePerson(in a, in b))
        {
            Span<double> weights = stackalloc double[Comparisons.Count];
            Weigh(left, right, vector, weights, null);
            return SharesPersonalValue(vector, weights);
        }

        if (ComparisonVector.Level(vector, (int)Comparison.Email) is Levels.Email.Different or Levels.Email.NameElsewhere
            && AllAtProviders(a.Emails) && AllAtProviders(b.Emails))
        {
            return false;
        }

        foreach (var c in PersonalComparisons)
        {
            if (ComparisonVector.Level(vector, c) != Levels.Missing)
            {
                return true;
            }
        }

        return a.Family != 0 && a.Family == b.Family && a.GivenCanonical == b.GivenCanonical && _table.Pool[a.Given].Length > 1
            && Frequencies.FullNameCount(a.GivenCanonical, a.Family) < CommonFullName;
    }

    private bool AllAtProviders(int[] emails) => Array.TrueForAll(emails, e => Frequencies.IsAtProvider(_table.Pool[e]));

    /// <summary>
    /// Each comparison's weight for this pair: the level's log2(m/u), weighted for the shared value where
    /// the pair shares one, and the location rule: street address, postal code and city describe one
    /// place (agreeing on the street implies agreeing on the rest), so only the strongest agreement among
    /// them counts. Without it a household's shared address alone would outweigh two different first names.
    /// </summary>
    private void Weigh(int left, int right, ulong vector, Span<double> weights, string?[]? notes)
    {
        ref readonly var a = ref _table[left];
        ref readonly var b = ref _table[right];
        for (var c = 0; c < Comparisons.Count; c++)
        {
            var level = ComparisonVector.Level(vector, c);
            weights[c] = _weights[c][level];
            if (IsValueWeighted((Comparison)c, level))
            {
                weights[c] = ValueWeight(in a, in b, (Comparison)c, level, out var note, describe: notes is not null);
                if (notes is not null)
                {
                    notes[c] = note;
                }
            }
            else if (weights[c] < 0 && (OnlyPlaceholders(in a, (Comparison)c) || OnlyPlaceholders(in b, (Comparison)c)))
            {
                // no@email.com against a real mailbox is not two people's two mailboxes: the agent typed a placeholder.
                weights[c] = 0;
                if (notes is not null)
                {
                    notes[c] = "a placeholder many people give: no disagreement";
                }
            }
        }

        if (ComparisonVector.NamesSwapped(vector))
        {
            WeighSwappedNames(in a, in b, vector, weights, notes);
        }
        else
        {
            WeighFullName(in a, in b, vector, weights, notes);
        }

        if ((a.NamesFromMailbox || b.NamesFromMailbox) && ComparisonVector.Level(vector, (int)Comparison.Email) != Levels.Missing
            && (weights[(int)Comparison.Email] > 0 || (AllAtProviders(a.Emails) && AllAtProviders(b.Emails))))
        {
            // A name read from one record's mailbox repeats that mailbox where the mailboxes are compared already:
            // tran.thao@msn.com and Tran Thao at tran.thao@yahoo.com are two mailboxes, not a mailbox and a name, and
            // two personal mailboxes spelling one name are two namesakes'. Beside a work address it is a name.
            foreach (var c in (ReadOnlySpan<Comparison>)[Comparison.GivenName, Comparison.FamilyName])
            {
                weights[(int)c] = 0;
                if (notes is not null)
                {
                    notes[(int)c] = "a name read from the mailbox: the mailboxes are compared instead";
                }
            }
        }

        var strongest = -1;
        foreach (var c in LocationComparisons)
        {
            if (weights[c] > 0 && (strongest < 0 || weights[c] > weights[strongest]))
            {
                strongest = c;
            }
        }

        foreach (var c in LocationComparisons)
        {
            if (c != strongest && weights[c] > 0)
            {
                weights[c] = 0;
                if (notes is not null)
                {
                    notes[c] = $"same place as the {Comparisons.All[strongest].Name}: counted once";
                }
            }
        }
    }

    /// <summary>
    /// The levels at which the two records share one value: exact, a Gmail account, one of two surnames, a
    /// mailbox name (weighed by how many mailboxes carry that name).
    /// </summary>
    private static bool IsValueWeighted(Comparison comparison, int level) =>
        Comparisons.All[(int)comparison].Weighting != ValueWeighting.None
        && (level == Levels.Exact
            || (comparison == Comparison.Email && level is Levels.Email.SameGmailAccount or Levels.Email.NameElsewhere)
            || (comparison == Comparison.FamilyName && level == Levels.FamilyName.OneOfTwo));

    /// <summary>The level's weight for the value the pair actually shares.</summary>
    private double ValueWeight(in RecordFeatures a, in RecordFeatures b, Comparison comparison, int level, out string? note, bool describe)
    {
        note = null;
        var c = (int)comparison;
        if (comparison == Comparison.Email && level == Levels.Email.NameElsewhere)
        {
            if (a.GivenCanonical != 0 && a.GivenCanonical == b.GivenCanonical)
            {
                // helennguyen@live.com / helennguyen@gmail.com: a mailbox name made of the person's name repeats
                // what the names already say, so two namesakes' two mailboxes carry it too. Counting it again
                // would score two Helen Nguyens as one person.
                note = describe ? "a mailbox name made of the same name: says no more than the names" : null;
                return Math.Min(0, _weights[c][level]);
            }

            var frequency = Frequencies.MailboxNameFrequency(_table.Pool[PairComparer.SharedMailboxName(in a, in b, _table.Pool)]);
            note = describe ? $"mailbox name on {Math.Round(frequency * Math.Max(1, Frequencies.Total(comparison)))} mailboxes" : null;
            return Math.Min(_weights[c][level], Math.Log2(Model.M[c][level] / frequency));
        }

        var value = PairComparer.SharedValue(in a, in b, comparison, level, Frequencies);
        if (value == 0)
        {
            return _weights[c][level];
        }

        var count = Frequencies.Count(comparison, value);
        if (Comparisons.All[c].Weighting == ValueWeighting.Frequency)
        {
            note = describe && count > 1 ? $"value held by {count} records" : null;
            return Math.Log2(Model.M[c][level] / Frequencies.Frequency(comparison, value));
        }

        var people = Frequencies.People(comparison, value);
        if (IsPlaceholder(comparison, value))
        {
            note = describe ? $"held by {count} records of {people}+ people: not personal, ignored" : null;
            return 0;
        }

        if (people > 1 && (a.Given == 0 || b.Given == 0 || !Frequencies.CouldBeOnePerson(in a, in b)))
        {
            // Held by several people: it says which of them only with names that could be one person's.
            note = !describe ? null
                : comparison == Comparison.Email && Frequencies.IsHouseholdMailbox(value) ? "a household's mailbox (a surname, no holder's first name): says which family, not which member; ignored"
                : $"held by {people} people, and these records do not say which: a shared value, ignored";
            return 0;
        }

        note = describe ? (people > 1 ? $"held by {people} people (a family's or a shared value)" : count > 1 ? $"one person's: on {count} records" : null) : null;
        var u = (people - 1 + StrangerSharesPersonalValue) / Math.Max(1, Frequencies.Total(comparison));
        // The same Gmail account written two ways (mary.nguyen / marynguyen) is the same mailbox, as Gmail
        // delivers it: it weighs as the exact level does. The level's own m is the share of true pairs that
        // happen to spell it differently, which says nothing about whose mailbox it is.
        var m = comparison == Comparison.Email && level == Levels.Email.SameGmailAccount
            ? Math.Max(Model.M[c][Levels.Email.Exact], Model.M[c][Levels.Email.SameGmailAccount])
            : Model.M[c][level];
        return Math.Log2(m / Math.Min(u, 1));
    }

    /// <summary>An identifier too many people hold to be anyone's own (test@test.com, a shop's phone).</summary>
    private bool IsPlaceholder(Comparison comparison, int value) =>
        Frequencies.People(comparison, value) > TermFrequencies.MaxPeoplePerIdentifier
        || Frequencies.Count(comparison, value) > Settings.JunkIdentifierCount;

    /// <summary>Whether every e-mail or phone the record gives is a placeholder (false when it gives none).</summary>
    private bool OnlyPlaceholders(in RecordFeatures record, Comparison comparison)
    {
        var values = comparison switch
        {
            Comparison.Email => record.Emails,
            Comparison.Phone => record.Phones,
            _ => [],
        };
        foreach (var value in values)
        {
            if (!IsPlaceholder(comparison, value))
            {
                return false;
            }
        }

        return values.Length > 0;
    }

    /// <summary>
    /// First name and surname agreeing together weigh at most what the full name's own frequency says:
    /// names travel together (in a Vietnamese customer base "long" goes with "tran" far more often than
    /// chance), so adding the two term-frequency weights would overstate how rare "long tran" is. The two
    /// weights are scaled down in proportion, so the explanation still adds up.
    /// </summary>
    private void WeighFullName(in RecordFeatures a, in RecordFeatures b, ulong vector, Span<double> weights, string?[]? notes)
    {
        const int given = (int)Comparison.GivenName;
        const int family = (int)Comparison.FamilyName;
        var givenLevel = ComparisonVector.Level(vector, given);
        var familyLevel = ComparisonVector.Level(vector, family);
        if (givenLevel is not (Levels.GivenName.Exact or Levels.GivenName.Nickname) || familyLevel != Levels.FamilyName.Exact || a.GivenCanonical != b.GivenCanonical || weights[given] <= 0 || weights[family] <= 0)
        {
            return;
        }

        // Below five records a full name may well be one person's own records: too few to show a correlation.
        if (Frequencies.FullNameCount(a.GivenCanonical, a.Family) < CommonFullName)
        {
            return;
        }

        var separate = weights[given] + weights[family];
        var joint = Math.Log2(Model.M[given][givenLevel] * Model.M[family][familyLevel] / Frequencies.FullNameFrequency(a.GivenCanonical, a.Family));
        if (joint >= separate)
        {
            return;
        }

        var scale = Math.Max(0, joint) / separate;
        weights[given] *= scale;
        weights[family] *= scale;
        if (notes is not null)
        {
            notes[given] = $"with the surname: a full name this common weighs {Math.Round(Math.Max(0, joint), 1)} together";
            notes[family] = notes[given];
        }
    }

    /// <summary>
    /// Names entered the wrong way round on one side: the tokens that matched may be weighed as either
    /// record has them (a first name as a first name, or as a surname). The weaker reading wins, so
    /// "johnson alexis" against "alexis johnson" weighs johnson as the common surname it is, not as a rare
    /// first name.
    /// </summary>
    private void WeighSwappedNames(in RecordFeatures a, in RecordFeatures b, ulong vector, Span<double> weights, string?[]? notes)
    {
        var given = ComparisonVector.Level(vector, (int)Comparison.GivenName);
        var family = ComparisonVector.Level(vector, (int)Comparison.FamilyName);
        var asLeft = ReadingWeight(a.Given, a.Family, given, family, out var leftGiven, out var leftFamily);
        var asRight = ReadingWeight(b.Given, b.Family, given, family, out var rightGiven, out var rightFamily);
        var (g, f) = asLeft <= asRight ? (leftGiven, leftFamily) : (rightGiven, rightFamily);
        weights[(int)Comparison.GivenName] = g;
        weights[(int)Comparison.FamilyName] = f;
        if (notes is not null)
        {
            notes[(int)Comparison.GivenName] = "entered the wrong way round: compared with the other record's last name";
            notes[(int)Comparison.FamilyName] = "entered the wrong way round: compared with the other record's first name; the more common reading weighs";
        }
    }

    private double ReadingWeight(int givenValue, int familyValue, int givenLevel, int familyLevel, out double given, out double family)
    {
        const int givenName = (int)Comparison.GivenName;
        const int familyName = (int)Comparison.FamilyName;
        given = givenLevel == Levels.GivenName.Exact && givenValue != 0
            ? Math.Log2(Model.M[givenName][1] / Frequencies.Frequency(Comparison.GivenName, givenValue))
            : _weights[givenName][givenLevel];
        family = familyLevel == Levels.FamilyName.Exact && familyValue != 0
            ? Math.Log2(Model.M[familyName][1] / Frequencies.Frequency(Comparison.FamilyName, familyValue))
            : _weights[familyName][familyLevel];
        return given + family;
    }

    public MatchExplanation Explain(int left, int right, MatchDecision decision, string? refusalReason)
    {
        ref readonly var a = ref _table[left];
        ref readonly var b = ref _table[right];
        var vector = PairComparer.Compare(_table, in a, in b);
        var weights = new double[Comparisons.Count];
        var notes = new string?[Comparisons.Count];
        Weigh(left, right, vector, weights, notes);
        var swapped = ComparisonVector.NamesSwapped(vector);

        var contributions = new List<MatchContribution>(Comparisons.Count);
        var total = Model.PriorWeight;
        for (var c = 0; c < Comparisons.Count; c++)
        {
            var definition = Comparisons.All[c];
            var level = ComparisonVector.Level(vector, c);
            total += weights[c];
            contributions.Add(new MatchContribution(
                definition.Comparison,
                definition.Name,
                definition.Levels[level],
                Math.Round(weights[c], 3),
                DisplayValue(in a, definition.Comparison),
                DisplayValue(in b, swapped ? Crosswise(definition.Comparison) : definition.Comparison),
                notes[c]));
        }

        return new MatchExplanation(
            _table.RecordId(left),
            _table.RecordId(right),
            Math.Round(Model.PriorWeight, 3),
            contributions,
            Math.Round(total, 3),
            FellegiSunterModel.Probability(total),
            decision,
            refusalReason);
    }

    /// <summary>The right-hand value a swapped name was compared with: the other name field.</summary>
    private static Comparison Crosswise(Comparison comparison) => comparison switch
    {
        Comparison.GivenName => Comparison.FamilyName,
        Comparison.FamilyName => Comparison.GivenName,
        _ => comparison,
    };

    private string? DisplayValue(in RecordFeatures record, Comparison comparison)
    {
        var pool = _table.Pool;
        var id = comparison switch
        {
            Comparison.GivenName => record.Given,
            Comparison.FamilyName => record.Family,
            Comparison.BirthDate => record.BirthKey,
            Comparison.Address => record.Street == 0 ? 0 : record.StreetNumber == 0 ? record.Street : -2,
            Comparison.City => record.City,
            Comparison.PostalCode => record.PostalCode,
            Comparison.NationalId => record.NationalId,
            Comparison.LoyaltyId => record.LoyaltyId,
            Comparison.ExternalId => record.ExternalId,
            Comparison.SocialHandle => record.SocialHandle,
            Comparison.Gender => record.Gender,
            _ => -1,
        };
        if (id >= 0)
        {
            return id == 0 ? null : pool[id];
        }

        if (id == -2)
        {
            return pool[record.StreetNumber] + " " + pool[record.Street];
        }

        var values = comparison == Comparison.Email ? record.Emails : record.Phones;
        return values.Length == 0 ? null : string.Join(" ", values.Select(v => pool[v]));
    }
}
