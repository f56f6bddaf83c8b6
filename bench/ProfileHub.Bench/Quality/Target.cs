using System.Globalization;

namespace ProfileHub.Bench.Quality;

/// <summary>
/// What a dataset must reach. <paramref name="Floor"/> is the regression floor the test command enforces (F1);
/// the rest are targets, reported as missed without failing the gate: F1, profiles mixing people at most
/// <paramref name="MaxMixedShare"/> of the people, and (where set) a review queue of at most
/// <paramref name="MaxReviewPerRecord"/> pairs a record of which at least <paramref name="MinReviewTrue"/> are true.
/// </summary>
internal sealed record Target(double F1, double Floor, double MaxMixedShare = 1, double MaxReviewPerRecord = double.MaxValue, double MinReviewTrue = 0)
{
    public (string? Regressed, string? Missed) Judge(QualityRunner.Measurement m)
    {
        var f1 = m.Metrics.F1;
        if (f1 < Floor)
        {
            return ($"F1 {Format(f1)} fell below its regression floor {Format(Floor)}", null);
        }

        var misses = new List<string>();
        if (f1 < F1)
        {
            misses.Add($"F1 {Format(f1)} < target {Format(F1)}");
        }

        var mixed = (double)m.Metrics.OverMergedProfiles / Math.Max(1, m.People);
        if (mixed > MaxMixedShare)
        {
            misses.Add($"profiles mixing people {mixed:P2} of the people > {MaxMixedShare:P2}");
        }

        var review = (double)m.Review.Pairs / Math.Max(1, m.Records);
        if (review > MaxReviewPerRecord)
        {
            misses.Add($"review queue {review:P2} of the records > {MaxReviewPerRecord:P2}");
        }

        var reviewTrue = m.Review.Pairs == 0 ? 1 : (double)m.Review.True / m.Review.Pairs;
        if (reviewTrue < MinReviewTrue)
        {
            misses.Add($"review queue {reviewTrue:P1} true matches < {MinReviewTrue:P1}");
        }

        return (null, misses.Count == 0 ? null : string.Join("; ", misses));
    }

    private static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
