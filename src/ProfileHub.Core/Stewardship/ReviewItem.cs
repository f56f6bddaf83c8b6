namespace ProfileHub.Core.Stewardship;

/// <summary>
/// A pair whose match score fell between the thresholds: a steward decides. One item per record pair,
/// stored with the smaller record id first.
/// </summary>
public sealed class ReviewItem
{
    private ReviewItem()
    {
        Explanation = string.Empty;
    }

    public ReviewItem(long recordA, long recordB, double score, string explanation, DateTimeOffset createdAt)
    {
        if (recordA == recordB)
        {
            throw new ArgumentException("A review item needs two different records.", nameof(recordB));
        }

        ArgumentNullException.ThrowIfNull(explanation);
        RecordA = Math.Min(recordA, recordB);
        RecordB = Math.Max(recordA, recordB);
        Score = score;
        Explanation = explanation;
        CreatedAt = createdAt.ToUniversalTime();
        Status = ReviewStatus.Open;
    }

    public long Id { get; private set; }

    public long RecordA { get; private set; }

    public long RecordB { get; private set; }

    public double Score { get; private set; }

    /// <summary>The match explanation as JSON.</summary>
    public string Explanation { get; private set; }

    public ReviewStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    public void Resolve(ReviewStatus decision, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (decision == ReviewStatus.Open)
        {
            throw new ArgumentException("A decision is Merged or NotAMatch.", nameof(decision));
        }

        if (Status != ReviewStatus.Open)
        {
            throw new InvalidOperationException($"Review item {Id} is already resolved ({Status}).");
        }

        Status = decision;
        ResolvedBy = actor;
        ResolvedAt = at.ToUniversalTime();
    }
}
