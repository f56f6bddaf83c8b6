using System.Collections.Concurrent;
using System.Diagnostics;

namespace ProfileHub.Core.Matching;

/// <summary>
/// Batch entity resolution: normalize → block → estimate u (random pairs) and m (EM) → score →
/// cluster greedily in descending weight with over-merge guards. Pure and deterministic: the same
/// records in the same order give the same profiles.
/// </summary>
internal static class BatchResolver
{
    public static MatchRun Resolve(IReadOnlyList<MatchInput> records, MatchSettings settings, StewardConstraints? constraints = null)
    {
        var clock = Stopwatch.StartNew();
        var normalized = Normalize(records, settings);
        var timings = new Dictionary<string, TimeSpan> { ["normalize"] = Lap(clock) };
        return Resolve(normalized, settings, constraints, timings, clock);
    }

    /// <summary>Runs the normalizers over every record, in parallel.</summary>
    public static NormalizedRecord[] Normalize(IReadOnlyList<MatchInput> records, MatchSettings settings)
    {
        var normalized = new NormalizedRecord[records.Count];
        Parallel.For(
            0,
            records.Count,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism },
            i => normalized[i] = FeatureExtractor.Extract(records[i], settings));
        return normalized;
    }

    /// <summary>Resolves normalized records; an array passed in is cleared once interned, to free memory.</summary>
    public static MatchRun Resolve(
        IReadOnlyList<NormalizedRecord> normalized,
        MatchSettings settings,
        StewardConstraints? constraints,
        Dictionary<string, TimeSpan>? timings = null,
        Stopwatch? clock = null)
    {
        timings ??= [];
        clock ??= Stopwatch.StartNew();
        var table = new FeatureTable(normalized.Count);
        var frequencies = new TermFrequencies(table.Pool, NameWordRoles.Count(normalized));
        foreach (var record in normalized)
        {
            frequencies.NameWords.Settle(record);
            var index = table.Add(record);
            frequencies.Add(in table[index]);
        }

        frequencies.Complete();

        if (normalized is NormalizedRecord[] consumed)
        {
            Array.Clear(consumed);
        }

        timings["intern"] = Lap(clock);
        var model = Train(table, settings, out var candidates, out var vectors, out var blocking, timings, clock);
        constraints ??= StewardConstraints.None;
        var run = ScoreAndCluster(table, model, frequencies, candidates, vectors, settings, constraints);
        if (candidates.Length >= settings.MinTrainingPairs && blocking.AllPairs > 0)
        {
            // EM's λ counts namesakes as matches (their names agree as a person's records do), so the prior
            // it gives is too high by a factor of about 2.5 in customer data and pairs that share only a name
            // come out as even odds. The profiles of this first pass say how many pairs really link: their
            // share of all pairs is the prior a random pair should have, and the pairs are decided again with it.
            var linked = LinkedPairs(run.Clusters, table.Count);
            var lambda = Math.Clamp(linked / (double)blocking.AllPairs, 1e-15, model.Lambda);
            run = ScoreAndCluster(table, model.WithLambda(lambda), frequencies, candidates, vectors, settings, constraints);
        }

        timings["score and cluster"] = Lap(clock);
        return new MatchRun(table, run.Clusters, run.Scorer, run.Pairs, run.Refusals, blocking, timings);
    }

    private sealed record ClusteredPairs(PairScorer Scorer, ScoredPair[] Pairs, ClusterState Clusters, Dictionary<ulong, string> Refusals);

    private static ClusteredPairs ScoreAndCluster(
        FeatureTable table,
        FellegiSunterModel model,
        TermFrequencies frequencies,
        ulong[] candidates,
        ulong[] vectors,
        MatchSettings settings,
        StewardConstraints constraints)
    {
        var scorer = new PairScorer(table, model, frequencies, settings);
        var weights = new double[candidates.Length];
        var strong = new bool[candidates.Length];
        ForRanges(candidates.Length, settings, (from, to) =>
        {
            for (var p = from; p < to; p++)
            {
                var (left, right) = CandidatePairs.Unpack(candidates[p]);
                weights[p] = scorer.ScoreVector(left, right, vectors[p], out strong[p]);
            }
        });

        var kept = new List<ScoredPair>();
        for (var p = 0; p < candidates.Length; p++)
        {
            if (weights[p] >= settings.LowerThreshold || settings.KeepApartPairs)
            {
                var (left, right) = CandidatePairs.Unpack(candidates[p]);
                kept.Add(new ScoredPair(left, right, weights[p], strong[p]));
            }
        }

        var pairs = kept.ToArray();
        Array.Sort(pairs, ByWeightDescending);
        var clusters = new ClusterState(table, scorer);
        var refusals = Cluster(table, clusters, pairs, settings, constraints);
        return new ClusteredPairs(scorer, pairs, clusters, refusals);
    }

    /// <summary>Record pairs within the same profile: Σ n(n-1)/2 over the profiles.</summary>
    private static long LinkedPairs(ClusterState clusters, int records)
    {
        var linked = 0L;
        for (var r = 0; r < records; r++)
        {
            if (clusters.Find(r) == r)
            {
                long size = clusters.SizeOf(r);
                linked += size * (size - 1) / 2;
            }
        }

        return linked;
    }

    /// <summary>
    /// Blocking, u from random pairs, m and λ by EM over the candidates' comparison vectors; with fewer
    /// candidates than <see cref="MatchSettings.MinTrainingPairs"/>, the shipped default model instead
    /// (<see cref="DefaultMatchModel"/>): a few hundred pairs teach EM nothing, and a 6-row file must still
    /// link its obvious duplicates.
    /// </summary>
    public static FellegiSunterModel Train(
        FeatureTable table,
        MatchSettings settings,
        out ulong[] candidates,
        out ulong[] vectors,
        out BlockingStats blocking,
        Dictionary<string, TimeSpan> timings,
        Stopwatch clock)
    {
        var pairs = CandidatePairs.Generate(table, settings, out blocking, out var passMasks);
        candidates = pairs;
        timings["block"] = Lap(clock);
        var untrained = pairs.Length < settings.MinTrainingPairs;
        var u = untrained ? null : RandomPairSampler.EstimateU(table, settings);
        timings["u"] = Lap(clock);
        var vectorArray = new ulong[pairs.Length];
        ForRanges(pairs.Length, settings, (from, to) =>
        {
            for (var p = from; p < to; p++)
            {
                var (left, right) = CandidatePairs.Unpack(pairs[p]);
                vectorArray[p] = PairComparer.Compare(table, left, right);
            }
        });
        vectors = vectorArray;
        timings["compare"] = Lap(clock);
        var model = u is null
            ? DefaultMatchModel.For(table.Count)
            : ExpectationMaximization.Train(vectorArray, passMasks, u, settings.MaxEmIterations, blocking.AllPairs);
        timings["em"] = Lap(clock);
        return model;
    }

    /// <summary>
    /// Must-links first, then cannot-links registered, then links on strong evidence best first, each merge
    /// checked by the guards, then the lone records that only a name ties to a profile
    /// (<see cref="LoneRecordAttachment"/>). Returns the links refused, with the reason.
    /// </summary>
    public static Dictionary<ulong, string> Cluster(
        FeatureTable table, ClusterState clusters, ScoredPair[] pairs, MatchSettings settings, StewardConstraints constraints)
    {
        var indexOf = constraints.MustLink.Count + constraints.CannotLink.Count == 0
            ? []
            : Enumerable.Range(0, table.Count).ToDictionary(table.RecordId, i => i, StringComparer.Ordinal);
        foreach (var (left, right) in constraints.MustLink)
        {
            if (indexOf.TryGetValue(left, out var a) && indexOf.TryGetValue(right, out var b))
            {
                clusters.ForceMerge(a, b);
            }
        }

        foreach (var (left, right) in constraints.CannotLink)
        {
            if (indexOf.TryGetValue(left, out var a) && indexOf.TryGetValue(right, out var b))
            {
                clusters.AddCannotLink(a, b);
            }
        }

        var refusals = new Dictionary<ulong, string>();
        Link(clusters, pairs, settings.UpperThreshold, refusals);
        return refusals;
    }

    /// <summary>
    /// Links the pairs at or above the upper threshold, given best first: strong ones merge under the guards,
    /// weak ones only attach lone records (<see cref="LoneRecordAttachment"/>). The one linking rule of batch
    /// and incremental resolution; <paramref name="refusals"/> receives each link refused, with the reason.
    /// </summary>
    public static void Link(ClusterState clusters, IEnumerable<ScoredPair> bestFirst, double upperThreshold, Dictionary<ulong, string> refusals)
    {
        var weak = new List<ScoredPair>();
        foreach (var pair in bestFirst)
        {
            if (pair.Weight < upperThreshold)
            {
                break;
            }

            if (!pair.Strong)
            {
                weak.Add(pair);
            }
            else if (!clusters.TryMerge(pair.Left, pair.Right, out var refusal))
            {
                refusals[CandidatePairs.Pack(pair.Left, pair.Right)] = refusal!;
            }
        }

        LoneRecordAttachment.Apply(clusters, weak, upperThreshold, refusals);
    }

    /// <summary>Best first; ties broken by record indexes so the order (and so the clusters) is deterministic.</summary>
    public static int ByWeightDescending(ScoredPair x, ScoredPair y)
    {
        var byWeight = y.Weight.CompareTo(x.Weight);
        if (byWeight != 0)
        {
            return byWeight;
        }

        var byLeft = x.Left.CompareTo(y.Left);
        return byLeft != 0 ? byLeft : x.Right.CompareTo(y.Right);
    }

    private static void ForRanges(int count, MatchSettings settings, Action<int, int> body)
    {
        if (count == 0)
        {
            return;
        }

        Parallel.ForEach(
            Partitioner.Create(0, count, Math.Max(4096, count / (settings.MaxDegreeOfParallelism * 8))),
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism },
            range => body(range.Item1, range.Item2));
    }

    private static TimeSpan Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed;
        clock.Restart();
        return elapsed;
    }
}
