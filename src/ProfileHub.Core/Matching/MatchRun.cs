namespace ProfileHub.Core.Matching;

/// <summary>
/// A scored candidate pair (record indexes into the run's table); <paramref name="Strong"/> when its evidence
/// belongs to one person (<see cref="PairScorer.IsStrong"/>), not only to a name.
/// </summary>
internal readonly record struct ScoredPair(int Left, int Right, double Weight, bool Strong = true);

/// <summary>
/// The outcome of a batch resolve: which profile each record belongs to, the scored pairs at or above
/// the review threshold with their decisions, the trained model and the blocking statistics.
/// </summary>
internal sealed class MatchRun
{
    private readonly ScoredPair[] _pairs;
    private readonly Dictionary<ulong, string> _refusals;

    public MatchRun(
        FeatureTable table,
        ClusterState clusters,
        PairScorer scorer,
        ScoredPair[] pairs,
        Dictionary<ulong, string> refusals,
        BlockingStats blocking,
        IReadOnlyDictionary<string, TimeSpan> timings)
    {
        Table = table;
        Clusters = clusters;
        Scorer = scorer;
        _pairs = pairs;
        _refusals = refusals;
        Blocking = blocking;
        Timings = timings;
    }

    public FeatureTable Table { get; }

    public ClusterState Clusters { get; }

    public PairScorer Scorer { get; }

    public BlockingStats Blocking { get; }

    public IReadOnlyDictionary<string, TimeSpan> Timings { get; }

    public int RecordCount => Table.Count;

    /// <summary>Scored pairs at or above the lower threshold (all of them with <see cref="MatchSettings.KeepApartPairs"/>), best first.</summary>
    public IReadOnlyList<ScoredPair> Pairs => _pairs;

    /// <summary>Profile of each record: the record index of its profile's root.</summary>
    public int ProfileOf(int record) => Clusters.Find(record);

    public MatchDecision DecisionFor(ScoredPair pair)
    {
        if (_refusals.ContainsKey(CandidatePairs.Pack(pair.Left, pair.Right)))
        {
            return MatchDecision.Refused;
        }

        return Scorer.Decide(pair);
    }

    /// <summary>
    /// The review queue: pairs scored between the thresholds whose records are in different profiles, one
    /// per pair of profiles (its best pair), best first. A steward decides whether two profiles are one
    /// person, not each of their records' pairs.
    /// </summary>
    public List<ScoredPair> ReviewQueue()
    {
        var seen = new HashSet<(int, int)>();
        var queue = new List<ScoredPair>();
        foreach (var pair in _pairs)
        {
            var (a, b) = (Clusters.Find(pair.Left), Clusters.Find(pair.Right));
            if (a != b && DecisionFor(pair) == MatchDecision.Review && seen.Add((Math.Min(a, b), Math.Max(a, b))))
            {
                queue.Add(pair);
            }
        }

        return queue;
    }

    /// <summary>Explanations of every kept pair: links, reviews, refusals (and apart pairs, when kept).</summary>
    public IEnumerable<MatchExplanation> Explanations()
    {
        foreach (var pair in _pairs)
        {
            _refusals.TryGetValue(CandidatePairs.Pack(pair.Left, pair.Right), out var refusal);
            yield return Scorer.Explain(pair.Left, pair.Right, DecisionFor(pair), refusal);
        }
    }

    /// <summary>Stable profile ids: derived from the smallest record id (ordinal) in each profile.</summary>
    public string[] ProfileIds()
    {
        var names = new Dictionary<int, string>();
        var result = new string[Table.Count];
        for (var i = 0; i < Table.Count; i++)
        {
            var anchor = Clusters.AnchorOf(i);
            if (!names.TryGetValue(anchor, out var name))
            {
                name = ProfileId.For(Table.RecordId(anchor));
                names[anchor] = name;
            }

            result[i] = name;
        }

        return result;
    }
}

/// <summary>Profile ids as the `resolve` output writes them: "p_" + 16 hex digits of SHA-256(anchor record id).</summary>
public static class ProfileId
{
    public static string For(string anchorRecordId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(anchorRecordId));
        return "p_" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
