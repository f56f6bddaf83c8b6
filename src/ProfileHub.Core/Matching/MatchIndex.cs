namespace ProfileHub.Core.Matching;

/// <summary>The outcome of resolving one new record against the index.</summary>
public sealed record IncrementalDecision(
    string RecordId,
    string ProfileId,
    bool JoinedExistingProfile,
    IReadOnlyList<MatchExplanation> Links);

/// <summary>
/// An in-memory index of resolved records for real-time matching: one new record is blocked with the
/// same passes and caps as batch resolve, scored with the batch-trained model (frozen, term
/// frequencies included), and merged into existing profiles best link first under the same guards.
/// Over the same data and model this gives the batch clusters (see MatchIndexTests).
/// Not thread-safe: one writer at a time.
/// </summary>
public sealed class MatchIndex
{
    private readonly FeatureTable _table;
    private readonly PairScorer _scorer;
    private readonly ClusterState _clusters;
    private readonly MatchSettings _settings;
    private readonly Dictionary<ulong, (int Head, int Count)> _blocks = [];
    private readonly List<ulong> _keyScratch = new(32);
    private readonly List<int> _candidateScratch = new(256);
    private int[] _entryRecord = new int[1024];
    private int[] _entryNext = new int[1024];
    private int _entryCount;

    internal MatchIndex(FeatureTable table, PairScorer scorer, ClusterState clusters)
    {
        _table = table;
        _scorer = scorer;
        _clusters = clusters;
        _settings = scorer.Settings;
        for (var i = 0; i < table.Count; i++)
        {
            IndexKeys(i);
        }
    }

    public int Count => _table.Count;

    /// <summary>An index holding a batch run's records, profiles and trained model.</summary>
    internal static MatchIndex FromRun(MatchRun run) => new(run.Table, run.Scorer, run.Clusters);

    /// <summary>
    /// An empty index that will score with the model trained by <paramref name="trainedOn"/> (its
    /// m/u-probabilities, λ and term frequencies), e.g. to replay records one at a time.
    /// </summary>
    internal static MatchIndex Empty(MatchRun trainedOn)
    {
        // Sharing the trained table's string pool keeps the term-frequency counts (keyed by pool id) valid.
        var table = new FeatureTable(16, trainedOn.Table.Pool);
        var trained = trainedOn.Scorer;
        var scorer = new PairScorer(table, trained.Model, trained.Frequencies, trained.Settings);
        var clusters = new ClusterState(table, scorer);
        return new MatchIndex(table, scorer, clusters);
    }

    public IncrementalDecision Resolve(MatchInput record)
    {
        var normalized = FeatureExtractor.Extract(record, _settings);
        _scorer.Frequencies.NameWords.Settle(normalized);
        return Resolve(normalized);
    }

    /// <summary>Resolves a record already settled (<see cref="NameWordRoles.Settle"/>) by the scorer's frequencies.</summary>
    internal IncrementalDecision Resolve(NormalizedRecord normalized)
    {
        var index = _table.Add(normalized);
        _clusters.EnsureCapacity(_table.Count);
        var candidates = GatherCandidates(index);
        var scored = new List<ScoredPair>();
        foreach (var other in candidates)
        {
            var weight = _scorer.ScoreVector(other, index, PairComparer.Compare(_table, other, index), out var strong);
            if (weight >= _settings.LowerThreshold)
            {
                scored.Add(new ScoredPair(Math.Min(other, index), Math.Max(other, index), weight, strong));
            }
        }

        scored.Sort(BatchResolver.ByWeightDescending);

        // As in batch: strong links merge, a weak one attaches this record only if it is alone and fits one profile.
        var refusals = new Dictionary<ulong, string>();
        BatchResolver.Link(_clusters, scored, _settings.UpperThreshold, refusals);
        var joined = _clusters.SizeOf(index) > 1;
        var links = new List<MatchExplanation>(scored.Count);
        foreach (var pair in scored)
        {
            var refused = refusals.TryGetValue(CandidatePairs.Pack(pair.Left, pair.Right), out var refusal);
            var decision = refused ? MatchDecision.Refused : _scorer.Decide(pair);
            links.Add(_scorer.Explain(pair.Left, pair.Right, decision, refusal));
        }

        return new IncrementalDecision(
            normalized.Id,
            ProfileId.For(_table.RecordId(_clusters.AnchorOf(index))),
            joined,
            links);
    }

    /// <summary>The profile id a record currently belongs to.</summary>
    public string ProfileIdOf(int recordIndex) => ProfileId.For(_table.RecordId(_clusters.AnchorOf(recordIndex)));

    private List<int> GatherCandidates(int index)
    {
        BlockingKeys.Collect(_table, index, _keyScratch);
        var candidates = _candidateScratch;
        candidates.Clear();
        foreach (var key in _keyScratch)
        {
            if (!_blocks.TryGetValue(key, out var block))
            {
                continue;
            }

            // Batch resolve skips a block bigger than the cap; so does the index, once the new record
            // would take the block over it.
            if (block.Count + 1 > BlockingKeys.Cap(BlockingKeys.PassOf(key), _settings))
            {
                continue;
            }

            for (var entry = block.Head; entry >= 0; entry = _entryNext[entry])
            {
                if (_entryRecord[entry] != index)
                {
                    candidates.Add(_entryRecord[entry]);
                }
            }
        }

        BlockingKeys.SortDistinct(candidates);
        IndexKeys(index, _keyScratch);
        return candidates;
    }

    private void IndexKeys(int index)
    {
        BlockingKeys.Collect(_table, index, _keyScratch);
        IndexKeys(index, _keyScratch);
    }

    private void IndexKeys(int index, List<ulong> keys)
    {
        foreach (var key in keys)
        {
            if (_entryCount == _entryRecord.Length)
            {
                Array.Resize(ref _entryRecord, _entryCount * 2);
                Array.Resize(ref _entryNext, _entryCount * 2);
            }

            var head = _blocks.TryGetValue(key, out var block) ? block.Head : -1;
            if (head >= 0 && _entryRecord[head] == index)
            {
                continue;
            }

            _entryRecord[_entryCount] = index;
            _entryNext[_entryCount] = head;
            _blocks[key] = (_entryCount, block.Count + 1);
            _entryCount++;
        }
    }
}
