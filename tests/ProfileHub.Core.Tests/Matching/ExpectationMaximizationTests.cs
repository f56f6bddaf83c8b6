using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Matching;

public class ExpectationMaximizationTests
{
    private static readonly Comparison[] Used = [Comparison.GivenName, Comparison.FamilyName, Comparison.BirthDate, Comparison.PostalCode, Comparison.City];

    [Fact]
    public void Em_recovers_known_m_probabilities_and_lambda_from_unlabelled_vectors()
    {
        var trueM = new double[Comparisons.Count][];
        var u = new double[Comparisons.Count][];
        for (var c = 0; c < Comparisons.Count; c++)
        {
            var levels = Comparisons.All[c].LevelCount;
            trueM[c] = new double[levels];
            u[c] = new double[levels];
            for (var l = 1; l < levels; l++)
            {
                // m: most mass on "exact", the rest on "different"; u: the reverse.
                trueM[c][l] = l == 1 ? 0.85 : l == levels - 1 ? 0.15 - (0.02 * (levels - 3)) : 0.02;
                u[c][l] = l == 1 ? 0.01 : l == levels - 1 ? 0.99 - (0.005 * (levels - 3)) : 0.005;
            }
        }

        const double Lambda = 0.3;
        var random = new Random(5);
        var counts = new Dictionary<ulong, long>();
        for (var pair = 0; pair < 200_000; pair++)
        {
            var isMatch = random.NextDouble() < Lambda;
            ulong vector = 0;
            foreach (var comparison in Used)
            {
                var c = (int)comparison;
                vector = ComparisonVector.With(vector, c, Sample(isMatch ? trueM[c] : u[c], random));
            }

            counts[vector] = counts.GetValueOrDefault(vector) + 1;
        }

        var (m, lambda, _) = ExpectationMaximization.Estimate(counts, u, FellegiSunterModel.InitialM(), 0.5, 100, fitM: true);

        Assert.Equal(Lambda, lambda, 0.02);
        foreach (var comparison in Used)
        {
            var c = (int)comparison;
            for (var l = 1; l < m[c].Length; l++)
            {
                Assert.Equal(trueM[c][l], m[c][l], 0.03);
            }
        }
    }

    private static int Sample(double[] probabilities, Random random)
    {
        var x = random.NextDouble();
        for (var l = 1; l < probabilities.Length; l++)
        {
            x -= probabilities[l];
            if (x <= 0)
            {
                return l;
            }
        }

        return probabilities.Length - 1;
    }
}
