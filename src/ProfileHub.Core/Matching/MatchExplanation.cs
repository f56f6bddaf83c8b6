namespace ProfileHub.Core.Matching;

/// <summary>What happened to a scored pair.</summary>
public enum MatchDecision
{
    /// <summary>Total weight at or above the upper threshold: the records were linked.</summary>
    Linked,

    /// <summary>Between the thresholds: the pair goes to a steward's review queue.</summary>
    Review,

    /// <summary>Below the lower threshold: the records stay apart.</summary>
    Apart,

    /// <summary>Scored high enough to link, but an over-merge guard or steward constraint refused it.</summary>
    Refused,
}

/// <summary>
/// One attribute's part in a match: how the two values compared (the level, in words), and how much
/// that moved the match weight (log2 Bayes factor; positive = evidence for the same person).
/// </summary>
public sealed record MatchContribution(
    Comparison Comparison,
    string Attribute,
    string Level,
    double Weight,
    string? LeftValue,
    string? RightValue,
    string? Note);

/// <summary>
/// Why two records were (or were not) linked: the prior, each attribute's contribution and the
/// total, in log2 Bayes-factor units, plus the decision and, if a guard refused the link, why.
/// </summary>
public sealed record MatchExplanation(
    string LeftRecordId,
    string RightRecordId,
    double PriorWeight,
    IReadOnlyList<MatchContribution> Contributions,
    double TotalWeight,
    double Probability,
    MatchDecision Decision,
    string? RefusalReason)
{
    /// <summary>A one-line reading for a marketer: "email exact (+14.2), last name different (-6.1) ...".</summary>
    public string Summary() => string.Join(
        ", ",
        Contributions
            .Where(c => c.Weight != 0)
            .OrderByDescending(c => Math.Abs(c.Weight))
            .Select(c => string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{c.Attribute} {c.Level} ({c.Weight:+0.0;-0.0})")));
}
