namespace ProfileHub.Core.Profiles;

/// <summary>Which profile a source record belongs to, how strongly, why, and on whose decision.</summary>
public sealed class ProfileMembership
{
    private ProfileMembership()
    {
    }

    public ProfileMembership(long recordId, Guid profileId, double? score, string? explanation, LinkOrigin linkedBy, DateTimeOffset linkedAt)
    {
        RecordId = recordId;
        ProfileId = profileId;
        Score = score;
        Explanation = explanation;
        LinkedBy = linkedBy;
        LinkedAt = linkedAt.ToUniversalTime();
    }

    /// <summary>A record belongs to exactly one profile, so the record id is the key.</summary>
    public long RecordId { get; private set; }

    public Guid ProfileId { get; private set; }

    /// <summary>Match weight (log2 Bayes factor) of the link that brought the record in; null for the seed record.</summary>
    public double? Score { get; private set; }

    /// <summary>The match explanation as JSON: per-attribute comparisons, weights and total.</summary>
    public string? Explanation { get; private set; }

    public LinkOrigin LinkedBy { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public void MoveTo(Guid profileId, double? score, string? explanation, LinkOrigin linkedBy, DateTimeOffset linkedAt)
    {
        ProfileId = profileId;
        Score = score;
        Explanation = explanation;
        LinkedBy = linkedBy;
        LinkedAt = linkedAt.ToUniversalTime();
    }
}
