namespace ProfileHub.Core.Matching;

/// <summary>
/// Incremental matching against persisted profiles: a <see cref="MatchIndex"/> seeded with the records
/// already matched, grouped as their profiles are now, scoring with a stored (earlier trained) model.
/// Term frequencies count every record, seeded and incoming, as a batch resolve over the same records
/// would, so the index reaches the batch clusters. Steward constraints hold: must-links merge, and a
/// cannot-link pair never shares a profile.
/// </summary>
internal sealed class SeededMatchIndex
{
    private readonly FeatureTable _table;
    private readonly ClusterState _clusters;
    private readonly MatchIndex _index;
    private readonly StewardConstraints _constraints;
    private readonly Dictionary<string, int> _indexOf;

    /// <param name="seeded">Records already matched, in any order.</param>
    /// <param name="profileOfSeeded">For each seeded record, a key of the profile it is in now.</param>
    /// <param name="incoming">Records to resolve, in the order <see cref="ResolveAll"/> will take them.</param>
    /// <param name="model">The stored model (m, u, λ) to score with.</param>
    /// <param name="settings">Thresholds, caps and guards, as the model was trained with.</param>
    /// <param name="constraints">The steward's active must-link and cannot-link pairs, by record id.</param>
    public SeededMatchIndex(
        IReadOnlyList<NormalizedRecord> seeded,
        IReadOnlyList<long> profileOfSeeded,
        IReadOnlyList<NormalizedRecord> incoming,
        FellegiSunterModel model,
        MatchSettings settings,
        StewardConstraints constraints)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(profileOfSeeded.Count, seeded.Count, nameof(profileOfSeeded));
        _constraints = constraints;
        _table = new FeatureTable(seeded.Count + incoming.Count);
        var frequencies = new TermFrequencies(_table.Pool, NameWordRoles.Count(seeded.Concat(incoming)));
        foreach (var record in seeded)
        {
            frequencies.NameWords.Settle(record);
            frequencies.Add(in _table[_table.Add(record)]);
        }

        // Incoming records count towards term frequencies now; they join the table only as they are resolved.
        var scratch = new FeatureTable(incoming.Count, _table.Pool);
        foreach (var record in incoming)
        {
            frequencies.NameWords.Settle(record);
            frequencies.Add(in scratch[scratch.Add(record)]);
        }

        frequencies.Complete();

        var scorer = new PairScorer(_table, model, frequencies, settings);
        _clusters = new ClusterState(_table, scorer);
        _clusters.EnsureCapacity(seeded.Count + incoming.Count);
        var firstOfProfile = new Dictionary<long, int>();
        for (var i = 0; i < seeded.Count; i++)
        {
            if (firstOfProfile.TryGetValue(profileOfSeeded[i], out var first))
            {
                _clusters.ForceMerge(first, i);
            }
            else
            {
                firstOfProfile[profileOfSeeded[i]] = i;
            }
        }

        // Incoming record k will take index seeded.Count + k: its cannot-links are registered before it arrives.
        _indexOf = new Dictionary<string, int>(seeded.Count + incoming.Count, StringComparer.Ordinal);
        for (var i = 0; i < seeded.Count; i++)
        {
            _indexOf[seeded[i].Id] = i;
        }

        for (var k = 0; k < incoming.Count; k++)
        {
            _indexOf[incoming[k].Id] = seeded.Count + k;
        }

        foreach (var (left, right) in constraints.CannotLink)
        {
            if (_indexOf.TryGetValue(left, out var a) && _indexOf.TryGetValue(right, out var b))
            {
                _clusters.AddCannotLink(a, b);
            }
        }

        ApplyMustLinks(seeded.Count);
        _index = new MatchIndex(_table, scorer, _clusters);
    }

    public int Count => _table.Count;

    public string RecordId(int index) => _table.RecordId(index);

    /// <summary>The profile (union-find root) a record is in.</summary>
    public int ProfileOf(int index) => _clusters.Find(index);

    /// <summary>Resolves the incoming records one at a time, then applies must-links that involve them.</summary>
    public List<IncrementalDecision> ResolveAll(IReadOnlyList<NormalizedRecord> incoming)
    {
        var decisions = new List<IncrementalDecision>(incoming.Count);
        foreach (var record in incoming)
        {
            decisions.Add(_index.Resolve(record));
        }

        ApplyMustLinks(_table.Count);
        return decisions;
    }

    private void ApplyMustLinks(int known)
    {
        foreach (var (left, right) in _constraints.MustLink)
        {
            if (_indexOf.TryGetValue(left, out var a) && _indexOf.TryGetValue(right, out var b) && a < known && b < known)
            {
                _clusters.ForceMerge(a, b);
            }
        }
    }
}
