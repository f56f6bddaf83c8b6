namespace ProfileHub.Core.Matching;

/// <summary>
/// Turns a comparison vector into a total match weight: prior + Σ level weights, with the exact level
/// of TF-adjusted comparisons weighted log2(m / tf(value)) instead (Splink's term-frequency
/// adjustment) and identifiers held by more than <see cref="MatchSettings.JunkIdentifierCount"/>
/// records weighing nothing.
/// </summary>
internal sealed class PairScorer
{
    private static readonly bool[] TermFrequencyAdjusted = [.. Comparisons.All.Select(d => d.TermFrequencyAdjusted)];

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

    public double ScoreVector(int left, int right, ulong vector)
    {
        Span<double> weights = stackalloc double[Comparisons.Count];
        Weigh(left, right, vector, weights, null);
        var total = Model.PriorWeight;
        foreach (var weight in weights)
        {
            total += weight;
        }

        return total;
    }

    /// <summary>
    /// Each comparison's weight for this pair: the level's log2(m/u), TF-adjusted at exact levels, and
    /// the location rule: street address, postal code and city describe one place (agreeing on the
    /// street implies agreeing on the rest), so only the strongest agreement among them counts. Without
    /// it a household's shared address alone would outweigh two different first names.
    /// </summary>
    private void Weigh(int left, int right, ulong vector, Span<double> weights, string?[]? notes)
    {
        ref readonly var a = ref _table[left];
        ref readonly var b = ref _table[right];
        for (var c = 0; c < Comparisons.Count; c++)
        {
            var level = ComparisonVector.Level(vector, c);
            weights[c] = _weights[c][level];
            if (level == 1 && TermFrequencyAdjusted[c])
            {
                weights[c] += TermFrequencyAdjustment(in a, in b, (Comparison)c, out var note, describe: notes is not null);
                if (notes is not null)
                {
                    notes[c] = note;
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

    /// <summary>What to add to the exact level's weight for the value the pair actually shares.</summary>
    private double TermFrequencyAdjustment(in RecordFeatures a, in RecordFeatures b, Comparison comparison, out string? note, bool describe)
    {
        note = null;
        var value = PairComparer.SharedValue(in a, in b, comparison, Frequencies);
        if (value == 0)
        {
            return 0;
        }

        var c = (int)comparison;
        var count = Frequencies.Count(comparison, value);
        if (comparison is Comparison.Email or Comparison.Phone && count > Settings.JunkIdentifierCount)
        {
            note = describe ? $"shared by {count} records: a junk value, ignored" : null;
            return -_weights[c][1];
        }

        var adjusted = Math.Log2(Model.M[c][1] / Frequencies.Frequency(comparison, value));
        if (describe && count > 1)
        {
            note = $"value held by {count} records";
        }

        return adjusted - _weights[c][1];
    }

    public MatchExplanation Explain(int left, int right, MatchDecision decision, string? refusalReason)
    {
        ref readonly var a = ref _table[left];
        ref readonly var b = ref _table[right];
        var vector = PairComparer.Compare(_table, in a, in b);
        var weights = new double[Comparisons.Count];
        var notes = new string?[Comparisons.Count];
        Weigh(left, right, vector, weights, notes);
        var swapped = PairComparer.NamesSwapped(_table.Pool, in a, in b);
        if (swapped)
        {
            notes[(int)Comparison.GivenName] ??= "compared with the other record's last name (entered the wrong way round)";
            notes[(int)Comparison.FamilyName] ??= "compared with the other record's first name (entered the wrong way round)";
        }

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
