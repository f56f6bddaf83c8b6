namespace ProfileHub.Core.Matching;

/// <summary>
/// Profiles as a union-find over record indexes, with over-merge guards checked on every merge (greedy
/// merging in descending weight with a constraint check per merge, as careful MDM engines do):
/// <list type="bullet">
/// <item>Two records whose first names differ (or are merely similar, karen / carmen) are never linked on shared contact or address
/// details alone: that is a household (one landline, one address), not one person. A shared personal
/// identifier (a non-junk email, a birth date, a national, loyalty or external id, a social handle)
/// lifts this.</item>
/// <item>A profile never ends up holding two records that conflict on an identity (national ids more
/// than a typo apart, birth dates a year or more apart and not a typo or a day/month swap, first names
/// that clearly differ) unless those two records' own comparison allows it (see IdentityConflict):
/// chains through a shared identifier cannot join strangers. Two records compared directly are judged
/// by their score, in which the difference already weighs against them (mistyped ids are common:
/// febrl's duplicates carry them).</item>
/// <item>A profile never holds two loyalty ids, unless the two records holding them score as a match themselves.</item>
/// <item>A steward's cannot-link pair never ends up in one profile; must-links merge without checks.</item>
/// </list>
/// </summary>
internal sealed class ClusterState
{
    /// <summary>Past this many cross-member comparisons a merge is refused: profiles that big are chains.</summary>
    private const int MaxCrossChecks = 20_000;

    private readonly FeatureTable _table;
    private readonly PairScorer _scorer;
    private int[] _parent = [];
    private int[] _anchor = [];
    private List<int>?[] _members = [];
    private List<int>?[] _cannotLink = [];

    public PairScorer Scorer => _scorer;

    public ClusterState(FeatureTable table, PairScorer scorer)
    {
        _table = table;
        _scorer = scorer;
        EnsureCapacity(table.Count);
    }

    public void EnsureCapacity(int count)
    {
        if (count <= _parent.Length)
        {
            return;
        }

        var old = _parent.Length;
        var capacity = Math.Max(count, old * 2);
        Array.Resize(ref _parent, capacity);
        Array.Resize(ref _anchor, capacity);
        Array.Resize(ref _members, capacity);
        Array.Resize(ref _cannotLink, capacity);
        for (var i = old; i < capacity; i++)
        {
            _parent[i] = i;
            _anchor[i] = i;
        }
    }

    public int Find(int record)
    {
        var root = record;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }

        while (_parent[record] != root)
        {
            var next = _parent[record];
            _parent[record] = root;
            record = next;
        }

        return root;
    }

    public int SizeOf(int record) => _members[Find(record)]?.Count ?? 1;

    /// <summary>The profile's member with the ordinally smallest record id: what its profile id derives from.</summary>
    public int AnchorOf(int record) => _anchor[Find(record)];

    /// <summary>
    /// Whether every record of one profile scores at or above <paramref name="bar"/> against every record of
    /// the other (complete linkage): the test two profiles pass to join on weak evidence, so a shared name
    /// joins them only when nothing either holds speaks against the other.
    /// </summary>
    public bool AllPairsAtLeast(int left, int right, double bar)
    {
        var membersA = _members[Find(left)] ?? [Find(left)];
        var membersB = _members[Find(right)] ?? [Find(right)];
        if ((long)membersA.Count * membersB.Count > MaxCrossChecks)
        {
            return false;
        }

        foreach (var x in membersA)
        {
            foreach (var y in membersB)
            {
                if (_scorer.Score(x, y, out _) < bar)
                {
                    return false;
                }
            }
        }

        return true;
    }

    public void AddCannotLink(int left, int right)
    {
        (_cannotLink[left] ??= []).Add(right);
        (_cannotLink[right] ??= []).Add(left);
    }

    /// <summary>Merges the two records' profiles unless a guard forbids it; then says which guard.</summary>
    public bool TryMerge(int left, int right, out string? refusal)
    {
        var a = Find(left);
        var b = Find(right);
        refusal = null;
        if (a == b)
        {
            return true;
        }

        refusal = HouseholdRefusal(left, right) ?? Conflict(a, b);
        if (refusal is not null)
        {
            return false;
        }

        Union(a, b);
        return true;
    }

    /// <summary>A steward's must-link: merged without guards (the steward has looked).</summary>
    public void ForceMerge(int left, int right)
    {
        var a = Find(left);
        var b = Find(right);
        if (a != b)
        {
            Union(a, b);
        }
    }

    private string? HouseholdRefusal(int left, int right)
    {
        ref readonly var x = ref _table[left];
        ref readonly var y = ref _table[right];
        var vector = PairComparer.Compare(_table, in x, in y);
        // "Similar" (karen / carmen) is how siblings' names often compare; a typo is "very similar".
        return ComparisonVector.Level(vector, (int)Comparison.GivenName) is Levels.GivenName.Similar or Levels.GivenName.Different
            && !SharesPersonalIdentifier(in x, in y, vector)
            ? "the first names differ and no personal identifier is shared (household members?)"
            : null;
    }

    /// <summary>
    /// A shared value that says one person: an identifier (a mailbox, to its Gmail form; a phone; a loyalty,
    /// national or external id; a handle) that is not junk, when the two records' first names could still be
    /// one person's (a scrambled or mistyped name, not Mai and Heather, who share their family's mailbox), or
    /// a birth date (household members rarely share one; twins do), or a national id to a typo.
    /// </summary>
    private bool SharesPersonalIdentifier(in RecordFeatures x, in RecordFeatures y, ulong vector)
    {
        var frequencies = _scorer.Frequencies;
        bool Personal(in RecordFeatures x, in RecordFeatures y, Comparison comparison, int level) =>
            ComparisonVector.Level(vector, (int)comparison) == level
            && frequencies.People(comparison, PairComparer.SharedValue(in x, in y, comparison, level, frequencies)) <= TermFrequencies.MaxPeoplePerIdentifier;

        var onePerson = frequencies.CouldBeOnePerson(in x, in y);
        return (onePerson && (Personal(in x, in y, Comparison.Email, Levels.Email.Exact) || Personal(in x, in y, Comparison.Email, Levels.Email.SameGmailAccount)
            || Personal(in x, in y, Comparison.Phone, Levels.Phone.Exact)
            || Personal(in x, in y, Comparison.LoyaltyId, Levels.SameOrNot.Same)
            || Personal(in x, in y, Comparison.ExternalId, Levels.SameOrNot.Same)
            || Personal(in x, in y, Comparison.SocialHandle, Levels.SameOrNot.Same)))
            || ComparisonVector.Level(vector, (int)Comparison.NationalId) is Levels.OneTypo.Exact or Levels.OneTypo.OneTypoApart
            || ComparisonVector.Level(vector, (int)Comparison.BirthDate) is >= Levels.BirthDate.Exact and <= Levels.BirthDate.DayMonthSwapped;
    }

    private void Union(int a, int b)
    {
        var membersA = _members[a] ??= [a];
        var membersB = _members[b] ??= [b];
        if (membersA.Count < membersB.Count || (membersA.Count == membersB.Count && b < a))
        {
            (a, b) = (b, a);
            (membersA, membersB) = (membersB, membersA);
        }

        _parent[b] = a;
        membersA.AddRange(membersB);
        _members[b] = null;
        if (string.CompareOrdinal(_table.RecordId(_anchor[b]), _table.RecordId(_anchor[a])) < 0)
        {
            _anchor[a] = _anchor[b];
        }
    }

    private string? Conflict(int rootA, int rootB)
    {
        var membersA = _members[rootA] ?? [rootA];
        var membersB = _members[rootB] ?? [rootB];
        foreach (var x in membersA)
        {
            if (_cannotLink[x] is { } partners && partners.Any(p => Find(p) == rootB))
            {
                return "a steward marked these records as not the same person";
            }
        }

        if ((long)membersA.Count * membersB.Count > MaxCrossChecks)
        {
            return "the profiles are too large to check for conflicting identities";
        }

        foreach (var x in membersA)
        {
            foreach (var y in membersB)
            {
                var conflict = IdentityConflict(x, y);
                if (conflict is not null)
                {
                    return conflict;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Why records x and y may not share a profile, or null. A different national id is a strong
    /// identity: tolerated only when the pair itself scores as a match; a different loyalty id never is. A different first name or birth
    /// date (dates a year or more apart, not a typo) is weaker, and corrupted duplicates carry such
    /// differences often: tolerated unless the pair's own evidence, which already weighs the difference,
    /// is against the match (it scores below <see cref="MatchSettings.ConflictTolerance"/>).
    /// </summary>
    private string? IdentityConflict(int x, int y)
    {
        ref readonly var a = ref _table[x];
        ref readonly var b = ref _table[y];
        var vector = PairComparer.Compare(_table, in a, in b);
        string? conflict = null;
        var bar = _scorer.Settings.ConflictTolerance;
        if (ComparisonVector.Level(vector, (int)Comparison.NationalId) == Levels.OneTypo.Different)
        {
            conflict = "the profiles hold different national ids";
            bar = _scorer.Settings.UpperThreshold;
        }
        else if (ComparisonVector.Level(vector, (int)Comparison.LoyaltyId) == Levels.SameOrNot.Different)
        {
            // One membership per person in a loyalty programme: two ids are two members, whatever else they share
            // (a household's landline and address, as often as not). Never tolerated.
            conflict = "the profiles hold different loyalty ids";
            bar = double.PositiveInfinity;
        }
        else if (ComparisonVector.Level(vector, (int)Comparison.BirthDate) >= Levels.BirthDate.WithinYear)
        {
            conflict = "the profiles hold different birth dates";
        }
        else if (ComparisonVector.Level(vector, (int)Comparison.GivenName) == Levels.GivenName.Different
            && !_scorer.Frequencies.CouldBeOnePerson(in a, in b))
        {
            // Not when the names could still be one person's: a rare misspelling, a surname typed alone as the first name.
            conflict = "the profiles hold different first names";
        }

        if (conflict is null)
        {
            return null;
        }

        var tolerated = _scorer.ScoreVector(x, y, vector) >= bar
            && (ComparisonVector.Level(vector, (int)Comparison.GivenName) != Levels.GivenName.Different
                || SharesPersonalIdentifier(in a, in b, vector));
        return tolerated ? null : conflict;
    }
}
