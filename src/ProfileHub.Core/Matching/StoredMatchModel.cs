namespace ProfileHub.Core.Matching;

/// <summary>
/// A trained Fellegi-Sunter model as the match job persists it (table match_models): incremental runs score
/// new records with the model the last rebuild trained, so they give the rebuild's clusters instead of
/// re-estimating m and u on every small batch. The newest row is the one in use; older rows are history.
/// </summary>
public sealed class StoredMatchModel
{
    private StoredMatchModel()
    {
        Document = string.Empty;
    }

    public StoredMatchModel(string document, int recordCount, DateTimeOffset trainedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(document);
        Document = document;
        RecordCount = recordCount;
        TrainedAt = trainedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    /// <summary>JSON: m- and u-probabilities per comparison level, λ, and the thresholds in force (see MatchModelDocument).</summary>
    public string Document { get; private set; }

    /// <summary>How many records the model was trained on.</summary>
    public int RecordCount { get; private set; }

    public DateTimeOffset TrainedAt { get; private set; }
}
