using System.Globalization;
using ProfileHub.Core.Matching;

namespace ProfileHub.Server.Matching;

/// <summary>
/// A match explanation in one plain sentence, for a steward or marketer who does not read log2 weights:
/// "Same street address and last name, but email and first name different. Taken together, 49% likely one
/// person: not sure enough to link them without a steward." The weights stay in the waterfall
/// beside it; the sentence names evidence in the order of its strength and says what it decided.
/// </summary>
internal static class ExplanationSentence
{
    public static string Of(MatchExplanation explanation)
    {
        var strongest = explanation.Contributions.Where(c => c.Weight != 0).OrderByDescending(c => Math.Abs(c.Weight)).ToList();
        var agreeing = Evidence(strongest.Where(c => c.Weight > 0), "same ", string.Empty);
        var differing = Evidence(strongest.Where(c => c.Weight < 0), string.Empty, " different");
        var evidence = (agreeing, differing) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"{agreeing}, but {differing}.",
            ({ Length: > 0 }, _) => agreeing + ".",
            (_, { Length: > 0 }) => differing + ".",
            _ => "No attribute could be compared.",
        };
        var likely = $"{Percent(explanation.Probability)} likely one person";
        var outcome = explanation.Decision switch
        {
            MatchDecision.Linked => $"Taken together, {likely}: enough to link them automatically.",
            MatchDecision.Review => $"Taken together, {likely}: not sure enough to link them without a steward.",
            MatchDecision.Refused => $"Taken together, {likely}, but a safeguard kept them apart{(explanation.RefusalReason is { Length: > 0 } why ? ": " + why.TrimEnd('.') : string.Empty)}.",
            _ => $"Taken together, {likely}: too little to link them.",
        };
        return char.ToUpperInvariant(evidence[0]) + evidence[1..] + " " + outcome;
    }

    /// <summary>
    /// "same email and phone; last name very similar": the clear-cut levels (exact, same; different) grouped
    /// into one phrase, the graded ones (similar, one typo apart, ...) one by one. Values stay out: they can be
    /// long lists, and the comparison table beside the sentence shows them.
    /// </summary>
    private static string Evidence(IEnumerable<MatchContribution> contributions, string before, string after)
    {
        var list = contributions.ToList();
        var clearCut = list.Where(c => c.Level is "exact" or "same" or "different").Select(c => c.Attribute).ToList();
        var phrases = new List<string>();
        if (clearCut.Count > 0)
        {
            phrases.Add(before + Join(clearCut) + after);
        }

        phrases.AddRange(list.Where(c => c.Level is not ("exact" or "same" or "different")).Select(c => $"{c.Attribute} {c.Level}"));
        return string.Join("; ", phrases);
    }

    private static string Join(List<string> words) =>
        words.Count == 1 ? words[0] : string.Join(", ", words[..^1]) + " and " + words[^1];

    // Never "100%" or "0%" for a pair the model was not certain about.
    private static string Percent(double probability) => probability switch
    {
        > 0.995 and < 1 => ">99%",
        < 0.005 and > 0 => "<1%",
        _ => probability.ToString("0%", CultureInfo.InvariantCulture),
    };
}
