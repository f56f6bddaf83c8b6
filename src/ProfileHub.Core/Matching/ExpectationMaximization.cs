namespace ProfileHub.Core.Matching;

/// <summary>
/// Estimates m-probabilities and λ without labels, by EM over the candidate pairs' comparison
/// vectors (grouped by distinct vector, so each iteration costs the number of distinct vectors, not
/// pairs). u-probabilities stay fixed at their random-pair estimate, as in Splink's default training.
/// </summary>
internal static class ExpectationMaximization
{
    public static FellegiSunterModel Estimate(
        IReadOnlyDictionary<ulong, long> vectorCounts, double[][] u, int maxIterations, double initialLambda = 0.2)
    {
        var m = FellegiSunterModel.InitialM();
        var lambda = initialLambda;
        var vectors = vectorCounts.OrderBy(p => p.Key).ToArray();
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var mNext = new double[Comparisons.Count][];
            for (var c = 0; c < Comparisons.Count; c++)
            {
                mNext[c] = new double[m[c].Length];
            }

            var matchMass = 0.0;
            var totalMass = 0.0;
            foreach (var (vector, count) in vectors)
            {
                var logMatch = Math.Log(lambda);
                var logNonMatch = Math.Log(1 - lambda);
                for (var c = 0; c < Comparisons.Count; c++)
                {
                    var level = ComparisonVector.Level(vector, c);
                    if (level != 0)
                    {
                        logMatch += Math.Log(m[c][level]);
                        logNonMatch += Math.Log(u[c][level]);
                    }
                }

                var posterior = 1 / (1 + Math.Exp(logNonMatch - logMatch));
                var weight = posterior * count;
                matchMass += weight;
                totalMass += count;
                for (var c = 0; c < Comparisons.Count; c++)
                {
                    var level = ComparisonVector.Level(vector, c);
                    if (level != 0)
                    {
                        mNext[c][level] += weight;
                    }
                }
            }

            var change = 0.0;
            for (var c = 0; c < Comparisons.Count; c++)
            {
                var sum = mNext[c].Sum();
                for (var l = 1; l < mNext[c].Length; l++)
                {
                    // Additive smoothing keeps every level possible, so no weight is ever -∞.
                    var estimate = sum > 0 ? (mNext[c][l] + 1e-3) / (sum + (1e-3 * (mNext[c].Length - 1))) : m[c][l];
                    change = Math.Max(change, Math.Abs(estimate - m[c][l]));
                    mNext[c][l] = estimate;
                }
            }

            m = mNext;
            var nextLambda = totalMass > 0 ? Math.Clamp(matchMass / totalMass, 1e-6, 1 - 1e-6) : lambda;
            change = Math.Max(change, Math.Abs(nextLambda - lambda));
            lambda = nextLambda;
            if (change < 1e-6)
            {
                break;
            }
        }

        return new FellegiSunterModel(m, u, lambda);
    }
}
