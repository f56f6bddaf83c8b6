namespace ProfileHub.Core.Matching;

/// <summary>
/// The second clustering step: links whose evidence is weak (a name, a city, a mailbox name seen at another
/// company: values many people share) never join two profiles. They only attach a record that strong
/// evidence left alone (a support call from "madison smith") to the one profile it fits, and only when it
/// fits no other: a lone record whose weak links reach two profiles joins neither, so it cannot chain
/// namesakes into one profile. Two lone records join each other only when each is the other's only fit.
/// Every decision is taken against the profiles the strong links made, before any attachment, so the
/// result does not depend on the order of the pairs or of the records.
/// </summary>
internal static class LoneRecordAttachment
{
    public const string Ambiguous = "only names tie these records, and they fit more than one profile: left apart";

    /// <summary>
    /// Bits above the link threshold a weak pair needs before it may attach anything (odds of 4 to 1 beyond the
    /// threshold): a name just rare enough to pass the threshold is still shared by a namesake often enough to
    /// mix people (on the generated concentrated base: profiles mixing people 1.4% -> 0.9% of the people, F1 unchanged).
    /// </summary>
    public const double Margin = 2.0;

    public const string Weak = "only names tie these records, and not strongly enough to join them";

    public const string NotLone = "only names tie these records, and other records of the two profiles disagree: strong evidence (an identifier, a birth date, an address) is needed";

    /// <param name="clusters">The profiles after the strong links.</param>
    /// <param name="weak">Weak pairs at or above the upper threshold, best first.</param>
    /// <param name="upperThreshold">The link threshold every cross pair must reach for two profiles to join.</param>
    /// <param name="refusals">Receives, per weak pair that does not end in one profile, the reason.</param>
    public static void Apply(ClusterState clusters, IReadOnlyList<ScoredPair> weak, double upperThreshold, Dictionary<ulong, string> refusals)
    {
        // For each lone record: the one profile (a record in it) its weak links reach, or -1 when several.
        var fit = new Dictionary<int, int>();
        foreach (var pair in weak.Where(p => p.Weight >= upperThreshold + Margin))
        {
            Consider(clusters, fit, pair.Left, pair.Right);
            Consider(clusters, fit, pair.Right, pair.Left);
        }

        var attachments = new List<(int Record, int Target)>();
        foreach (var (record, target) in fit.OrderBy(f => f.Key))
        {
            // A lone target must be as sure of this record as the record is of it.
            if (target >= 0 && (clusters.SizeOf(target) > 1 || (fit.TryGetValue(target, out var back) && back >= 0 && clusters.Find(back) == clusters.Find(record))))
            {
                attachments.Add((record, target));
            }
        }

        var refused = new Dictionary<ulong, string>();
        foreach (var (record, target) in attachments)
        {
            if (!clusters.TryMerge(record, target, out var refusal))
            {
                refused[CandidatePairs.Pack(record, target)] = refusal!;
            }
        }

        // Two profiles (not a lone record) join on weak evidence only by complete linkage, best pair first.
        foreach (var pair in weak.Where(p => p.Weight >= upperThreshold + Margin))
        {
            if (clusters.Find(pair.Left) != clusters.Find(pair.Right)
                && !Lone(fit, pair.Left) && !Lone(fit, pair.Right)
                && clusters.AllPairsAtLeast(pair.Left, pair.Right, upperThreshold)
                && !clusters.TryMerge(pair.Left, pair.Right, out var refusal))
            {
                refused[CandidatePairs.Pack(pair.Left, pair.Right)] = refusal!;
            }
        }

        foreach (var pair in weak)
        {
            if (clusters.Find(pair.Left) != clusters.Find(pair.Right))
            {
                var key = CandidatePairs.Pack(pair.Left, pair.Right);
                refusals[key] = refused.GetValueOrDefault(key)
                    ?? (pair.Weight < upperThreshold + Margin ? Weak
                        : Lone(fit, pair.Left) || Lone(fit, pair.Right) ? Ambiguous
                        : NotLone);
            }
        }
    }

    private static bool Lone(Dictionary<int, int> fit, int record) => fit.ContainsKey(record);

    private static void Consider(ClusterState clusters, Dictionary<int, int> fit, int record, int partner)
    {
        if (clusters.SizeOf(record) != 1)
        {
            return;
        }

        if (!fit.TryGetValue(record, out var current))
        {
            fit[record] = partner;
        }
        else if (current >= 0 && clusters.Find(current) != clusters.Find(partner))
        {
            fit[record] = -1;
        }
    }
}
