namespace ProfileHub.Core.Matching;

/// <summary>
/// How many records hold each value of the term-frequency-adjusted comparisons (names, street, city,
/// postal code, email, phone). A shared rare surname is stronger evidence than a shared "smith";
/// an email held by hundreds of records is a junk value, not evidence.
/// </summary>
internal sealed class TermFrequencies
{
    private readonly int[][] _counts = new int[Comparisons.Count][];
    private readonly int[] _totals = new int[Comparisons.Count];

    public TermFrequencies()
    {
        for (var c = 0; c < Comparisons.Count; c++)
        {
            _counts[c] = Comparisons.All[c].TermFrequencyAdjusted ? new int[1024] : [];
        }
    }

    public int Count(Comparison comparison, int value)
    {
        var counts = _counts[(int)comparison];
        return value > 0 && value < counts.Length ? counts[value] : 0;
    }

    /// <summary>Relative frequency of a value among records that have this attribute, at least 1/total.</summary>
    public double Frequency(Comparison comparison, int value)
    {
        var total = _totals[(int)comparison];
        return total == 0 ? 1 : Math.Max(1, Count(comparison, value)) / (double)total;
    }

    public void Add(in RecordFeatures record)
    {
        Add(Comparison.GivenName, record.Given);
        Add(Comparison.FamilyName, record.Family);
        Add(Comparison.City, record.City);
        Add(Comparison.PostalCode, record.PostalCode);
        AddAll(Comparison.Email, record.Emails);
        AddAll(Comparison.Phone, record.Phones);
    }

    private void AddAll(Comparison comparison, int[] values)
    {
        if (values.Length == 0)
        {
            return;
        }

        _totals[(int)comparison]++;
        foreach (var value in values)
        {
            Increment(comparison, value);
        }
    }

    private void Add(Comparison comparison, int value)
    {
        if (value == 0)
        {
            return;
        }

        _totals[(int)comparison]++;
        Increment(comparison, value);
    }

    private void Increment(Comparison comparison, int value)
    {
        ref var counts = ref _counts[(int)comparison];
        if (value >= counts.Length)
        {
            Array.Resize(ref counts, Math.Max(value + 1, counts.Length * 2));
        }

        counts[value]++;
    }
}
