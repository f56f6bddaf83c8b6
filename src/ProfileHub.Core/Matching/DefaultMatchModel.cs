namespace ProfileHub.Core.Matching;

/// <summary>
/// The model ProfileHub ships for inputs too small to train on: m- and u-probabilities learned without
/// labels by this engine on its own synthetic customer bases (concentrated, diverse and Spanish naming;
/// `ProfileHub.Bench train-default-model` writes default-match-model.json). Values that two records
/// share are still weighed by this input's own frequencies and holders (<see cref="TermFrequencies"/>).
/// </summary>
internal static class DefaultMatchModel
{
    /// <summary>
    /// Duplicate pairs per record assumed when there is nothing to estimate λ from: customer bases hold
    /// about two records per person (one to eight across channels), about half a true pair per record.
    /// </summary>
    public const double MatchesPerRecord = 0.5;

    private static readonly Lazy<(double[][] M, double[][] U)> Parameters = new(Load);

    /// <summary>The shipped m and u, with the prior of a random pair among <paramref name="records"/> records.</summary>
    public static FellegiSunterModel For(int records)
    {
        var (m, u) = Parameters.Value;
        var allPairs = Math.Max(1.0, records * (records - 1) / 2.0);
        var lambda = Math.Clamp(MatchesPerRecord * records / allPairs, 1e-12, 0.5);
        return new FellegiSunterModel(m, u, lambda);
    }

    private static (double[][] M, double[][] U) Load()
    {
        using var stream = typeof(DefaultMatchModel).Assembly.GetManifestResourceStream("ProfileHub.Core.Matching.default-match-model.json")
            ?? throw new InvalidOperationException("the default match model is not embedded in ProfileHub.Core");
        using var reader = new StreamReader(stream);
        var model = MatchModelDocument.ToModel(reader.ReadToEnd())
            ?? throw new InvalidOperationException("the default match model was trained for other comparisons: run `ProfileHub.Bench train-default-model`");
        return (model.M, model.U);
    }
}
