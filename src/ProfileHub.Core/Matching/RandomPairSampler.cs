namespace ProfileHub.Core.Matching;

/// <summary>
/// Estimates u-probabilities from random record pairs (nearly all of which are non-matches), with a
/// fixed seed so the same input always trains the same model.
/// </summary>
internal static class RandomPairSampler
{
    public static double[][] EstimateU(FeatureTable table, MatchSettings settings)
    {
        var n = table.Count;
        var counts = new long[Comparisons.Count][];
        for (var c = 0; c < Comparisons.Count; c++)
        {
            counts[c] = new long[Comparisons.All[c].LevelCount];
        }

        if (n >= 2)
        {
            var allPairs = (long)n * (n - 1) / 2;
            var samples = (int)Math.Min(settings.RandomPairSamples, allPairs);
            var pairs = new (int Left, int Right)[samples];
            var random = new Random(settings.Seed);
            for (var s = 0; s < samples; s++)
            {
                var left = random.Next(n);
                var right = random.Next(n - 1);
                pairs[s] = (left, right >= left ? right + 1 : right);
            }

            var gate = new Lock();
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, samples, Math.Max(1024, samples / 64)),
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism },
                () => NewCounts(),
                (range, _, local) =>
                {
                    for (var s = range.Item1; s < range.Item2; s++)
                    {
                        var vector = PairComparer.Compare(table, pairs[s].Left, pairs[s].Right);
                        for (var c = 0; c < Comparisons.Count; c++)
                        {
                            local[c][ComparisonVector.Level(vector, c)]++;
                        }
                    }

                    return local;
                },
                local =>
                {
                    lock (gate)
                    {
                        for (var c = 0; c < Comparisons.Count; c++)
                        {
                            for (var l = 0; l < local[c].Length; l++)
                            {
                                counts[c][l] += local[c][l];
                            }
                        }
                    }
                });
        }

        var u = new double[Comparisons.Count][];
        for (var c = 0; c < Comparisons.Count; c++)
        {
            var levels = counts[c].Length;
            u[c] = new double[levels];
            var observed = counts[c].Skip(1).Sum();
            for (var l = 1; l < levels; l++)
            {
                // Laplace smoothing: a level never seen among random pairs is rare, not impossible.
                u[c][l] = (counts[c][l] + 1.0) / (observed + levels - 1.0);
            }
        }

        return u;
    }

    private static long[][] NewCounts()
    {
        var counts = new long[Comparisons.Count][];
        for (var c = 0; c < Comparisons.Count; c++)
        {
            counts[c] = new long[Comparisons.All[c].LevelCount];
        }

        return counts;
    }
}
