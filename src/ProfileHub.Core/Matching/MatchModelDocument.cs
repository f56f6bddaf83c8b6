using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProfileHub.Core.Matching;

/// <summary>
/// The JSON form of a trained <see cref="FellegiSunterModel"/> (the match_models.document column): per
/// comparison, its name and the m- and u-probability of each level, plus λ and the thresholds the model
/// was trained under. Term frequencies are not stored: they are recounted from the records at every run.
/// </summary>
internal sealed record MatchModelDocument(
    [property: JsonPropertyName("comparisons")] IReadOnlyList<StoredComparison> Comparisons,
    [property: JsonPropertyName("lambda")] double Lambda,
    [property: JsonPropertyName("upperThreshold")] double UpperThreshold,
    [property: JsonPropertyName("lowerThreshold")] double LowerThreshold)
{
    public static MatchModelDocument From(FellegiSunterModel model, MatchSettings settings) => new(
        [.. Matching.Comparisons.All.Select((d, c) => new StoredComparison(d.Name, model.M[c], model.U[c]))],
        model.Lambda,
        settings.UpperThreshold,
        settings.LowerThreshold);

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>
    /// The model, or null when the document was written for other comparisons (the engine changed since it
    /// was trained, so its levels no longer mean the same): the caller then retrains with a rebuild.
    /// </summary>
    public static FellegiSunterModel? ToModel(string json)
    {
        var document = JsonSerializer.Deserialize<MatchModelDocument>(json);
        var definitions = Matching.Comparisons.All;
        if (document is null || document.Comparisons.Count != definitions.Length)
        {
            return null;
        }

        for (var c = 0; c < definitions.Length; c++)
        {
            var stored = document.Comparisons[c];
            if (stored.Name != definitions[c].Name || stored.M.Length != definitions[c].LevelCount || stored.U.Length != definitions[c].LevelCount)
            {
                return null;
            }
        }

        return new FellegiSunterModel(
            [.. document.Comparisons.Select(s => s.M)],
            [.. document.Comparisons.Select(s => s.U)],
            document.Lambda);
    }
}

internal sealed record StoredComparison(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("m")] double[] M,
    [property: JsonPropertyName("u")] double[] U);
