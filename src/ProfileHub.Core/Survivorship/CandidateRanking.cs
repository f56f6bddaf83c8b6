namespace ProfileHub.Core.Survivorship;

/// <summary>The candidates of one attribute ordered by a policy's rule chain, best first.</summary>
internal sealed class CandidateRanking : IComparer<AttributeCandidate>
{
    private const string StewardSource = "steward";

    private readonly AttributePolicy _policy;
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly List<AttributeCandidate> _ordered;

    public CandidateRanking(AttributePolicy policy, IReadOnlyList<AttributeCandidate> candidates)
    {
        _policy = policy;
        _ordered = new List<AttributeCandidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            ArgumentNullException.ThrowIfNull(candidate);
            ArgumentOutOfRangeException.ThrowIfNegative(candidate.SourceTrust, nameof(candidates));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(candidate.SourceTrust, 100, nameof(candidates));

            // A blank value is the absence of a value, never a survivor.
            if (string.IsNullOrWhiteSpace(candidate.Value))
            {
                continue;
            }

            _ordered.Add(candidate);
            _frequency[candidate.Value] = _frequency.GetValueOrDefault(candidate.Value) + 1;
        }

        _ordered.Sort(this);
    }

    public IReadOnlyList<AttributeCandidate> Ordered => _ordered;

    public int Compare(AttributeCandidate? x, AttributeCandidate? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        foreach (var rule in _policy.Rules)
        {
            var byRule = Compare(rule, x, y);
            if (byRule != 0)
            {
                return byRule;
            }
        }

        var byRecord = string.CompareOrdinal(x.SourceRecordId, y.SourceRecordId);
        return byRecord != 0 ? byRecord : string.CompareOrdinal(x.Value, y.Value);
    }

    /// <summary>Which rule separated the winner from the best candidate carrying another value.</summary>
    public SurvivorshipDecision Decide()
    {
        var winner = _ordered[0];
        var rival = _ordered.Find(c => !string.Equals(c.Value, winner.Value, StringComparison.Ordinal));
        if (rival is null)
        {
            return SurvivorshipDecision.Unanimous;
        }

        foreach (var rule in _policy.Rules)
        {
            if (Compare(rule, winner, rival) != 0)
            {
                return rule switch
                {
                    SurvivorshipRule.SourceTrust => SurvivorshipDecision.SourceTrust,
                    SurvivorshipRule.MostRecent => SurvivorshipDecision.MostRecent,
                    SurvivorshipRule.MostFrequent => SurvivorshipDecision.MostFrequent,
                    _ => SurvivorshipDecision.MostComplete,
                };
            }
        }

        return SurvivorshipDecision.SourceRecordId;
    }

    /// <summary>
    /// Walks the chain as the comparison does, keeping the candidates still tied for first place; when
    /// SourceTrust is reached and its most trusted candidates disagree, that is a conflict.
    /// </summary>
    public IReadOnlyList<SurvivorshipConflict> Conflicts()
    {
        var tied = _ordered;
        foreach (var rule in _policy.Rules)
        {
            if (DistinctValues(tied).Count < 2)
            {
                return [];
            }

            var best = tied[0];
            var stillTied = tied.FindAll(c => Compare(rule, c, best) == 0);
            if (rule == SurvivorshipRule.SourceTrust)
            {
                var disagreeing = DistinctValues(stillTied);
                return disagreeing.Count < 2
                    ? []
                    : [new SurvivorshipConflict(_policy.Attribute, best.SourceTrust, disagreeing)];
            }

            tied = stillTied;
        }

        return [];
    }

    /// <summary>Every distinct value once, with the best candidate that carried it; a pinned value first.</summary>
    public IReadOnlyList<SurvivedValue> AllDistinct(StewardPin? pin)
    {
        var values = new List<SurvivedValue>(_frequency.Count + 1);
        if (pin is not null)
        {
            values.Add(Pinned(pin));
        }

        foreach (var candidate in DistinctValues(_ordered))
        {
            if (pin is null || !string.Equals(candidate.Value, pin.Value, StringComparison.Ordinal))
            {
                values.Add(new SurvivedValue(candidate.Value, AttributePolicy.Cite(candidate, SurvivorshipDecision.KeptAsDistinct)));
            }
        }

        return values;
    }

    /// <summary>
    /// The pinned value, cited from the candidate the steward chose it from (or the best candidate
    /// carrying it); a value typed by the steward cites the steward.
    /// </summary>
    public SurvivedValue Pinned(StewardPin pin)
    {
        var source = _ordered.Find(c => string.Equals(c.Value, pin.Value, StringComparison.Ordinal)
                && (pin.SourceRecordId is null || string.Equals(c.SourceRecordId, pin.SourceRecordId, StringComparison.Ordinal)))
            ?? _ordered.Find(c => string.Equals(c.Value, pin.Value, StringComparison.Ordinal));
        var lineage = source is not null
            ? AttributePolicy.Cite(source, SurvivorshipDecision.StewardPin, pinned: true)
            : new Lineage(pin.SourceRecordId ?? $"{StewardSource}:{pin.PinnedBy}", StewardSource, pin.PinnedAt, SurvivorshipDecision.StewardPin, Pinned: true);
        return new SurvivedValue(pin.Value, lineage);
    }

    // Larger is better for every rule; the comparison puts the better candidate first.
    private int Compare(SurvivorshipRule rule, AttributeCandidate x, AttributeCandidate y) => rule switch
    {
        SurvivorshipRule.SourceTrust => y.SourceTrust.CompareTo(x.SourceTrust),
        SurvivorshipRule.MostRecent => y.ObservedAt.CompareTo(x.ObservedAt),
        SurvivorshipRule.MostFrequent => _frequency[y.Value].CompareTo(_frequency[x.Value]),
        SurvivorshipRule.MostComplete => y.Completeness.CompareTo(x.Completeness),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown survivorship rule."),
    };

    // The first (best) candidate of each distinct value, in ranking order.
    private static List<AttributeCandidate> DistinctValues(List<AttributeCandidate> ranked)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<AttributeCandidate>(ranked.Count);
        foreach (var candidate in ranked)
        {
            if (seen.Add(candidate.Value))
            {
                distinct.Add(candidate);
            }
        }

        return distinct;
    }
}
