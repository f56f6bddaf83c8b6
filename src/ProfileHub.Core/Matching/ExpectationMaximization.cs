namespace ProfileHub.Core.Matching;

/// <summary>
/// Estimates m-probabilities without labels, by EM over candidate pairs' comparison vectors, the way
/// Splink trains: u-probabilities stay fixed at their random-pair estimate, and EM runs once per
/// training session, a session being the pairs of one blocking pass with the comparisons that pass
/// blocked on left out (within a block they agree by construction, so they carry no information and
/// would drag every blocked pair into the match class). Each comparison's m is the average over the
/// sessions that could see it, weighted by the estimated matches they saw. λ is then fitted over all
/// candidates with m and u fixed, and scaled to all pairs.
/// Vectors are grouped by distinct value, so an iteration costs the number of distinct vectors.
/// </summary>
internal static class ExpectationMaximization
{
    /// <summary>A training session: which passes' pairs it uses and which comparisons those passes fix.</summary>
    internal sealed record Session(BlockingPass[] Passes, Comparison[] Fixed);

    public static readonly Session[] Sessions =
    [
        new([BlockingPass.NameCodes], [Comparison.GivenName, Comparison.FamilyName]),
        new([BlockingPass.BirthDateAndInitial], [Comparison.BirthDate]),
        // Its blocks nearly all agree on the family name; the few that met on a given name (or crosswise)
        // are too few to bias the given name's m, which this session is one of the best sources of.
        new([BlockingPass.NameCodeAndPostalCode], [Comparison.FamilyName, Comparison.PostalCode]),
        new([BlockingPass.Email, BlockingPass.GmailAccount], [Comparison.Email]),
        new([BlockingPass.Phone], [Comparison.Phone]),
    ];

    public static FellegiSunterModel Train(ulong[] vectors, uint[] passMasks, double[][] u, int maxIterations, long allPairs)
    {
        var sum = new double[Comparisons.Count][];
        var mass = new double[Comparisons.Count];
        for (var c = 0; c < Comparisons.Count; c++)
        {
            sum[c] = new double[u[c].Length];
        }

        foreach (var session in Sessions)
        {
            var passBits = session.Passes.Aggregate(0u, (bits, pass) => bits | (1u << (int)pass));
            var fixedMask = session.Fixed.Aggregate(0UL, (mask, c) => mask | (0xFUL << ((int)c * Comparisons.BitsPerLevel)));
            var counts = new Dictionary<ulong, long>();
            for (var p = 0; p < vectors.Length; p++)
            {
                if ((passMasks[p] & passBits) != 0)
                {
                    var vector = vectors[p] & ComparisonVector.LevelBits & ~fixedMask;
                    counts[vector] = counts.GetValueOrDefault(vector) + 1;
                }
            }

            if (counts.Count == 0)
            {
                continue;
            }

            var (m, _, observed) = Estimate(counts, u, FellegiSunterModel.InitialM(), 0.3, maxIterations, fitM: true);
            for (var c = 0; c < Comparisons.Count; c++)
            {
                if (session.Fixed.Contains((Comparison)c) || observed[c] < 1)
                {
                    continue;
                }

                mass[c] += observed[c];
                for (var l = 1; l < m[c].Length; l++)
                {
                    sum[c][l] += m[c][l] * observed[c];
                }
            }
        }

        var combined = FellegiSunterModel.InitialM();
        for (var c = 0; c < Comparisons.Count; c++)
        {
            if (mass[c] > 0)
            {
                for (var l = 1; l < combined[c].Length; l++)
                {
                    combined[c][l] = sum[c][l] / mass[c];
                }
            }
        }

        var all = new Dictionary<ulong, long>();
        foreach (var packed in vectors)
        {
            var vector = packed & ComparisonVector.LevelBits;
            all[vector] = all.GetValueOrDefault(vector) + 1;
        }

        // λ over candidates, turned into the probability that a random pair matches (nearly every match
        // is a candidate): u comes from random pairs, so the prior must be a random pair's too. This is
        // Splink's convention, and it makes a shared "john smith" count for less in a million records
        // than in a thousand.
        var (_, candidateLambda, _) = Estimate(all, u, combined, 0.3, maxIterations, fitM: false);
        var lambda = allPairs > 0 ? Math.Clamp(candidateLambda * vectors.Length / allPairs, 1e-15, 1 - 1e-9) : candidateLambda;
        return new FellegiSunterModel(combined, u, lambda);
    }

    /// <summary>
    /// Plain EM over grouped vectors. Returns m, λ and, per comparison, the expected number of matching
    /// pairs in which it was observed (not missing), which weighs this estimate against others.
    /// </summary>
    public static (double[][] M, double Lambda, double[] Observed) Estimate(
        IReadOnlyDictionary<ulong, long> vectorCounts, double[][] u, double[][] initialM, double initialLambda, int maxIterations, bool fitM)
    {
        var m = initialM;
        var lambda = initialLambda;
        var observed = new double[Comparisons.Count];
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
                    if (level != Levels.Missing)
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
                    if (level != Levels.Missing)
                    {
                        mNext[c][level] += weight;
                    }
                }
            }

            var change = 0.0;
            if (fitM)
            {
                for (var c = 0; c < Comparisons.Count; c++)
                {
                    var sum = mNext[c].Sum();
                    observed[c] = sum;
                    for (var l = 1; l < mNext[c].Length; l++)
                    {
                        // Additive smoothing keeps every level possible, so no weight is ever -∞.
                        var estimate = sum > 0 ? (mNext[c][l] + 1e-3) / (sum + (1e-3 * (mNext[c].Length - 1))) : m[c][l];
                        change = Math.Max(change, Math.Abs(estimate - m[c][l]));
                        mNext[c][l] = estimate;
                    }
                }

                m = mNext;
            }

            var nextLambda = totalMass > 0 ? Math.Clamp(matchMass / totalMass, 1e-6, 1 - 1e-6) : lambda;
            change = Math.Max(change, Math.Abs(nextLambda - lambda));
            lambda = nextLambda;
            if (change < 1e-6)
            {
                break;
            }
        }

        return (m, lambda, observed);
    }
}
