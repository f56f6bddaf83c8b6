namespace ProfileHub.Core.Matching;

/// <summary>
/// The second clustering step: links whose evidence is weak (a name, a city, a mailbox name seen at another
/// company: values many people share) never join two profiles. They only attach a record that strong
/// evidence left alone (a support call from "madison smith") to the one profile it fits, and only when it
/// fits no other: a lone record whose weak links reach two profiles joins neither, so it cannot chain
/// namesakes into one profile; nor does a pair whose first names are two names in common use
/// (<see cref="PairScorer.TwoGivenNamesInUse"/>). Lone records that reach no profile join each other only as a group in which
/// each reaches every other and nothing else.
/// Every decision is taken against the profiles the strong links made, before any attachment, so the
/// result does not depend on the order of the pairs or of the records.
/// </summary>
internal static class LoneRecordAttachment
{
    public const string Ambiguous = "only names tie these records, and they fit more than one profile: left apart";

    /// <summary>
    /// Bits above the link threshold a weak pair needs before it may attach anything (odds of about 3 to 1 beyond
    /// the threshold): a name just rare enough to pass the threshold is still shared by a namesake often enough to
    /// mix people. 2 bits when the precision rules were fewer (profiles mixing people 1.4% -> 0.9% on the
    /// generated concentrated base); with household mailboxes, one-edit mailbox typos and the rest in place, 1.5
    /// gains recall on every generated base (3 kinds x 3 seeds: F1 +0.0005 to +0.0010) and keeps profiles mixing
    /// people under 0.5% of the people on each and on the older trap set (0.46%, where 1.0 gives 0.56%).
    /// </summary>
    public const double Margin = 1.5;

    public const string Weak = "only names tie these records, and not strongly enough to join them";

    public const string TwoNames = "only names tie these records, and their first names are two names in common use (louis / louise): a household's as often as one person's";

    public const string NotLone = "only names tie these records, and other records of the two profiles disagree: strong evidence (an identifier, a birth date, an address) is needed";

    /// <param name="clusters">The profiles after the strong links.</param>
    /// <param name="weak">Weak pairs at or above the upper threshold, best first.</param>
    /// <param name="upperThreshold">The link threshold every cross pair must reach for two profiles to join.</param>
    /// <param name="refusals">Receives, per weak pair that does not end in one profile, the reason.</param>
    public static void Apply(ClusterState clusters, IReadOnlyList<ScoredPair> weak, double upperThreshold, Dictionary<ulong, string> refusals)
    {
        var usable = weak.Where(p => p.Weight >= upperThreshold + Margin && !clusters.Scorer.TwoGivenNamesInUse(p.Left, p.Right)).ToList();

        // Per lone record: the profiles of several records its weak links reach, and the lone records they reach.
        var lone = new SortedDictionary<int, Fit>();
        foreach (var pair in usable)
        {
            Consider(clusters, lone, pair.Left, pair.Right);
            Consider(clusters, lone, pair.Right, pair.Left);
        }

        var attachments = new List<(int Record, int Target)>();
        foreach (var (record, fit) in lone)
        {
            if (fit.Profiles.Count == 1)
            {
                attachments.Add((record, fit.Profiles[0]));
            }
        }

        // Lone records that reach no profile: a group of them joins when each reaches every other and nothing
        // else (three support calls from one rare name), so no record in it is a bridge between namesakes.
        foreach (var group in LoneGroups(lone))
        {
            attachments.AddRange(group.Skip(1).Select(record => (record, group[0])));
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
        foreach (var pair in usable)
        {
            if (clusters.Find(pair.Left) != clusters.Find(pair.Right)
                && !lone.ContainsKey(pair.Left) && !lone.ContainsKey(pair.Right)
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
                        : clusters.Scorer.TwoGivenNamesInUse(pair.Left, pair.Right) ? TwoNames
                        : lone.ContainsKey(pair.Left) || lone.ContainsKey(pair.Right) ? Ambiguous
                        : NotLone);
            }
        }
    }

    /// <summary>Groups of lone records that reach no profile and each reach exactly the others of the group.</summary>
    private static IEnumerable<List<int>> LoneGroups(SortedDictionary<int, Fit> lone)
    {
        var done = new HashSet<int>();
        foreach (var (record, fit) in lone)
        {
            if (fit.Profiles.Count > 0 || !done.Add(record))
            {
                continue;
            }

            var group = new List<int>(fit.Lone.Count + 1) { record };
            group.AddRange(fit.Lone);
            group.Sort();
            done.UnionWith(group);
            var clique = group.TrueForAll(member => lone.TryGetValue(member, out var other)
                && other.Profiles.Count == 0
                && other.Lone.Count == group.Count - 1
                && other.Lone.TrueForAll(group.Contains));
            if (clique)
            {
                yield return group;
            }
        }
    }

    private static void Consider(ClusterState clusters, SortedDictionary<int, Fit> lone, int record, int partner)
    {
        if (clusters.SizeOf(record) != 1)
        {
            return;
        }

        if (!lone.TryGetValue(record, out var fit))
        {
            lone[record] = fit = new Fit();
        }

        if (clusters.SizeOf(partner) == 1)
        {
            fit.Lone.Add(partner);
        }
        else if (!fit.Profiles.Exists(p => clusters.Find(p) == clusters.Find(partner)))
        {
            fit.Profiles.Add(partner);
        }
    }

    /// <summary>What a lone record's weak links reach: profiles of several records (one of each's records), lone records.</summary>
    private sealed class Fit
    {
        public List<int> Profiles { get; } = [];

        public List<int> Lone { get; } = [];
    }
}
