namespace ProfileHub.Core.Matching;

/// <summary>
/// Turns a comparison vector into a total match weight: prior + Σ level weights, with the exact level
/// of TF-adjusted comparisons weighted log2(m / tf(value)) instead (Splink's term-frequency
/// adjustment) and identifiers held by more than <see cref="MatchSettings.JunkIdentifierCount"/>
/// records weighing nothing.
/// </summary>
internal sealed class PairScorer
{
    private static readonly Comparison[] TermFrequencyComparisons =
        [.. Comparisons.All.Where(d => d.TermFrequencyAdjusted).Select(d => d.Comparison)];

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
        var total = Model.PriorWeight;
        for (var c = 0; c < Comparisons.Count; c++)
        {
            total += _weights[c][ComparisonVector.Level(vector, c)];
        }

        foreach (var comparison in TermFrequencyComparisons)
        {
            if (ComparisonVector.Level(vector, (int)comparison) == 1)
            {
                total += TermFrequencyAdjustment(in _table[left], in _table[right], comparison, out _, describe: false);
            }
        }

        return total;
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
        var contributions = new List<MatchContribution>(Comparisons.Count);
        var total = Model.PriorWeight;
        for (var c = 0; c < Comparisons.Count; c++)
        {
            var definition = Comparisons.All[c];
            var level = ComparisonVector.Level(vector, c);
            var weight = _weights[c][level];
            string? note = null;
            if (level == 1 && definition.TermFrequencyAdjusted)
            {
                weight += TermFrequencyAdjustment(in a, in b, definition.Comparison, out note, describe: true);
            }

            total += weight;
            contributions.Add(new MatchContribution(
                definition.Comparison,
                definition.Name,
                definition.Levels[level],
                Math.Round(weight, 3),
                DisplayValue(in a, definition.Comparison),
                DisplayValue(in b, definition.Comparison),
                note));
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
