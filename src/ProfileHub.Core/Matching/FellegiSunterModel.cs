namespace ProfileHub.Core.Matching;

/// <summary>
/// Fellegi-Sunter parameters: per comparison level, m = P(level | match) and u = P(level | non-match),
/// and the prior probability λ that a candidate pair is a match. Weights are log2(m/u) (Splink's
/// "match weight"); level 0 (missing) carries no evidence.
/// </summary>
internal sealed class FellegiSunterModel
{
    public FellegiSunterModel(double[][] m, double[][] u, double lambda)
    {
        M = m;
        U = u;
        Lambda = lambda;
        Weights = new double[Comparisons.Count][];
        for (var c = 0; c < Comparisons.Count; c++)
        {
            Weights[c] = new double[m[c].Length];
            for (var l = 1; l < m[c].Length; l++)
            {
                Weights[c][l] = Math.Log2(m[c][l] / u[c][l]);
            }
        }
    }

    public double[][] M { get; }

    public double[][] U { get; }

    public double Lambda { get; }

    public double[][] Weights { get; }

    /// <summary>The same m and u with another prior: a random pair's probability of matching.</summary>
    public FellegiSunterModel WithLambda(double lambda) => new(M, U, lambda);

    public double PriorWeight => Math.Log2(Lambda / (1 - Lambda));

    /// <summary>Sum of the level weights of a packed comparison vector (no prior, no TF adjustment).</summary>
    public double VectorWeight(ulong vector)
    {
        var total = 0.0;
        for (var c = 0; c < Comparisons.Count; c++)
        {
            total += Weights[c][ComparisonVector.Level(vector, c)];
        }

        return total;
    }

    public static double Probability(double matchWeight) => 1 / (1 + Math.Pow(2, -matchWeight));

    /// <summary>Starting m-probabilities for EM: most mass on the best level, decaying geometrically.</summary>
    public static double[][] InitialM()
    {
        var m = new double[Comparisons.Count][];
        for (var c = 0; c < Comparisons.Count; c++)
        {
            var levels = Comparisons.All[c].LevelCount;
            m[c] = new double[levels];
            var mass = 0.9;
            var remaining = 1.0;
            for (var l = 1; l < levels - 1; l++)
            {
                m[c][l] = remaining * mass;
                remaining -= m[c][l];
                mass = 0.6;
            }

            m[c][levels - 1] = remaining;
        }

        return m;
    }
}
