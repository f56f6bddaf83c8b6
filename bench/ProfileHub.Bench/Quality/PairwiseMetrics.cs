namespace ProfileHub.Bench.Quality;

/// <summary>
/// Pairwise precision, recall and F1 over all record pairs that share a true entity (the datasets
/// README's scoring), plus over-merged profiles (mixing two or more true entities) and the largest profile.
/// </summary>
internal sealed record PairwiseMetrics(
    long TruePairs, long PredictedPairs, long CorrectPairs, int Profiles, int OverMergedProfiles, int LargestProfile)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PairwiseMetrics Compute(IReadOnlyList<string> predicted, IReadOnlyList<string> truth)
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var bothCounts = new Dictionary<(string, string), long>();
        var predictedCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        var truthCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        var entitiesPerProfile = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < predicted.Count; i++)
        {
            bothCounts[(predicted[i], truth[i])] = bothCounts.GetValueOrDefault((predicted[i], truth[i])) + 1;
            predictedCounts[predicted[i]] = predictedCounts.GetValueOrDefault(predicted[i]) + 1;
            truthCounts[truth[i]] = truthCounts.GetValueOrDefault(truth[i]) + 1;
            if (!entitiesPerProfile.TryGetValue(predicted[i], out var entities))
            {
                entitiesPerProfile[predicted[i]] = entities = new HashSet<string>(StringComparer.Ordinal);
            }

            entities.Add(truth[i]);
        }

        return new PairwiseMetrics(
            truthCounts.Values.Sum(Pairs),
            predictedCounts.Values.Sum(Pairs),
            bothCounts.Values.Sum(Pairs),
            predictedCounts.Count,
            entitiesPerProfile.Values.Count(e => e.Count > 1),
            predictedCounts.Count == 0 ? 0 : (int)predictedCounts.Values.Max());
    }
}
