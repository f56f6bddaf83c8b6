namespace ProfileHub.Core.Matching;

/// <summary>
/// Profiles as a union-find over record indexes, with the over-merge guards checked on every merge
/// (the way careful MDM engines merge greedily): a profile never holds two different national ids,
/// never two birth dates more than a typo apart unless the records also share a real (non-junk)
/// email, and never a steward's cannot-link pair.
/// </summary>
internal sealed class ClusterState
{
    private readonly FeatureTable _table;
    private readonly Func<int, bool> _isJunkEmail;
    private int[] _parent = [];
    private int[] _size = [];
    private int[] _anchor = [];
    private GuardSummary?[] _summaries = [];

    public ClusterState(FeatureTable table, Func<int, bool> isJunkEmail)
    {
        _table = table;
        _isJunkEmail = isJunkEmail;
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
        Array.Resize(ref _size, capacity);
        Array.Resize(ref _anchor, capacity);
        Array.Resize(ref _summaries, capacity);
        for (var i = old; i < capacity; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
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

    public int SizeOf(int record) => _size[Find(record)];

    /// <summary>The profile's member with the ordinally smallest record id: what its profile id derives from.</summary>
    public int AnchorOf(int record) => _anchor[Find(record)];

    public void AddCannotLink(int left, int right)
    {
        var a = Summary(left);
        var b = Summary(right);
        (a.CannotLink ??= []).Add(right);
        (b.CannotLink ??= []).Add(left);
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

        refusal = Conflict(a, b);
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

    private void Union(int a, int b)
    {
        if (_size[a] < _size[b] || (_size[a] == _size[b] && b < a))
        {
            (a, b) = (b, a);
        }

        _parent[b] = a;
        _size[a] += _size[b];
        if (string.CompareOrdinal(_table.RecordId(_anchor[b]), _table.RecordId(_anchor[a])) < 0)
        {
            _anchor[a] = _anchor[b];
        }

        _summaries[a] = GuardSummary.Merge(Summary(a), Summary(b));
        _summaries[b] = null;
    }

    private string? Conflict(int rootA, int rootB)
    {
        var a = Summary(rootA);
        var b = Summary(rootB);
        if (CrossesCannotLink(a, rootB) || CrossesCannotLink(b, rootA))
        {
            return "a steward marked these records as not the same person";
        }

        var pool = _table.Pool;
        if (a.NationalIds.Length > 0 && b.NationalIds.Length > 0 && !AnyWithinTypo(pool, a.NationalIds, b.NationalIds))
        {
            return "the profiles hold different national ids";
        }

        if (a.BirthKeys.Length > 0 && b.BirthKeys.Length > 0 && !AnyWithinTypo(pool, a.BirthKeys, b.BirthKeys)
            && !PairComparer.SharesAny(a.Emails, b.Emails))
        {
            return "the profiles hold different birth dates and share no email";
        }

        return null;
    }

    private bool CrossesCannotLink(GuardSummary summary, int otherRoot)
    {
        if (summary.CannotLink is null)
        {
            return false;
        }

        foreach (var record in summary.CannotLink)
        {
            if (Find(record) == otherRoot)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyWithinTypo(StringPool pool, int[] a, int[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y || StringSimilarity.BoundedEditDistance(pool[x], pool[y], 1) <= 1)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private GuardSummary Summary(int record)
    {
        var root = Find(record);
        return _summaries[root] ??= GuardSummary.Of(in _table[root], _isJunkEmail);
    }

    /// <summary>The strong identities of one profile, kept at its root.</summary>
    private sealed class GuardSummary
    {
        public int[] BirthKeys { get; private init; } = [];

        public int[] NationalIds { get; private init; } = [];

        public int[] Emails { get; private init; } = [];

        public List<int>? CannotLink { get; set; }

        public static GuardSummary Of(in RecordFeatures record, Func<int, bool> isJunkEmail) => new()
        {
            BirthKeys = record.BirthKey == 0 ? [] : [record.BirthKey],
            NationalIds = record.NationalId == 0 ? [] : [record.NationalId],
            Emails = [.. record.Emails.Where(e => !isJunkEmail(e))],
        };

        public static GuardSummary Merge(GuardSummary a, GuardSummary b) => new()
        {
            BirthKeys = Union(a.BirthKeys, b.BirthKeys),
            NationalIds = Union(a.NationalIds, b.NationalIds),
            Emails = Union(a.Emails, b.Emails),
            CannotLink = a.CannotLink is null ? b.CannotLink : b.CannotLink is null ? a.CannotLink : [.. a.CannotLink, .. b.CannotLink],
        };

        private static int[] Union(int[] a, int[] b) =>
            b.Length == 0 ? a : a.Length == 0 ? b : [.. a.Union(b)];
    }
}
