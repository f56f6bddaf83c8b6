namespace ProfileHub.Core.Matching;

/// <summary>
/// The blocking passes. A pair is a candidate when the two records share a key of any pass. Identifier
/// passes compare everyone holding the identifier (unless it is junk); name passes pair a phonetic
/// (NYSIIS) name code or a birth date with a second attribute so typos in one field still meet. A
/// "NameCode" pass keys a record by each of its names' codes (first and last) in one pass, so names
/// entered the wrong way round, or only one of them given, still meet the same person.
/// </summary>
public enum BlockingPass
{
    Email,
    GmailAccount,
    Phone,
    NationalId,
    LoyaltyId,
    ExternalId,
    SocialHandle,
    Mailbox,
    NameCodes,
    NameCodeAndPostalCode,
    BirthDateAndInitial,
    PostalCodeAndStreetNumber,
    NameCodeAndBirthYear,
    NameCodeAndCity,
    StreetAndCity,
    StreetAndStreetNumber,
    NameCodeAndInitial,
}

internal static class BlockingKeys
{
    public const int PassCount = (int)BlockingPass.NameCodeAndInitial + 1;

    public static bool IsIdentifierPass(BlockingPass pass) => pass <= BlockingPass.Mailbox;

    /// <summary>The largest block a pass may compare in full; a bigger one is a junk or too-common value.</summary>
    public static int Cap(BlockingPass pass, MatchSettings settings) =>
        IsIdentifierPass(pass) ? settings.JunkIdentifierCount
        : pass == BlockingPass.NameCodeAndInitial ? Math.Min(settings.MaxBlockSize, RareNameBlock)
        : settings.MaxBlockSize;

    /// <summary>
    /// The largest <see cref="BlockingPass.NameCodeAndInitial"/> block compared: the pass is for a typo in a rare
    /// name, and "nguyen" with an initial is a crowd (at a million records the full cap doubled the candidate pairs).
    /// </summary>
    public const int RareNameBlock = 20;

    public static BlockingPass PassOf(ulong key) => (BlockingPass)(key >> 58);

    /// <summary>
    /// Replaces the list's content with every distinct blocking key of a record; the pass is kept in the
    /// key's top 6 bits. Distinct, so a record counts once in a block ("thomas thomas" keys its one code once).
    /// </summary>
    public static void Collect(FeatureTable table, int index, List<ulong> keys)
    {
        keys.Clear();
        AddAll(table, index, keys);
        SortDistinct(keys);
    }

    /// <summary>Sorts the list and removes repeated values, in place.</summary>
    public static void SortDistinct<T>(List<T> values)
        where T : IEquatable<T>
    {
        values.Sort();
        var distinct = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (distinct == 0 || !values[i].Equals(values[distinct - 1]))
            {
                values[distinct++] = values[i];
            }
        }

        values.RemoveRange(distinct, values.Count - distinct);
    }

    private static void AddAll(FeatureTable table, int index, List<ulong> keys)
    {
        ref readonly var r = ref table[index];
        var pool = table.Pool;
        foreach (var email in r.Emails)
        {
            Add(keys, BlockingPass.Email, email, 0);
        }

        foreach (var gmail in r.GmailKeys)
        {
            Add(keys, BlockingPass.GmailAccount, gmail, 0);
        }

        foreach (var phone in r.Phones)
        {
            Add(keys, BlockingPass.Phone, phone, 0);
        }

        // The mailbox without its domain: the same person at another provider (or a typo'd domain).
        foreach (var email in r.Emails)
        {
            var address = pool[email].AsSpan();
            var at = address.IndexOf('@');
            if (at >= 5)
            {
                Add(keys, BlockingPass.Mailbox, Fnv(address[..at]), 0);
            }
        }

        Add(keys, BlockingPass.NationalId, r.NationalId, 0);
        Add(keys, BlockingPass.LoyaltyId, r.LoyaltyId, 0);
        Add(keys, BlockingPass.ExternalId, r.ExternalId, 0);
        Add(keys, BlockingPass.SocialHandle, r.SocialHandle, 0);

        // Unordered, so "smith john" and "john smith" share the block; the given name's own code as well
        // as its canonical one's, so "alfie kelly" meets "kelly alfie" although alfie's canonical is alfred.
        Add(keys, BlockingPass.NameCodes, Math.Min(r.GivenCode, r.FamilyCode), Math.Max(r.GivenCode, r.FamilyCode), both: true);
        Add(keys, BlockingPass.NameCodes, Math.Min(r.GivenOwnCode, r.FamilyCode), Math.Max(r.GivenOwnCode, r.FamilyCode), both: true);

        // A first name with a middle name ("james john") also meets the records that give the first name alone.
        Add(keys, BlockingPass.NameCodes, Math.Min(r.GivenFirstCode, r.FamilyCode), Math.Max(r.GivenFirstCode, r.FamilyCode), both: true);
        AddPerName(keys, BlockingPass.NameCodeAndPostalCode, in r, r.PostalCode);
        AddPerName(keys, BlockingPass.NameCodeAndBirthYear, in r, r.BirthYear);
        AddPerName(keys, BlockingPass.NameCodeAndCity, in r, r.City);
        Add(keys, BlockingPass.BirthDateAndInitial, r.BirthKey, Initial(pool, r.Family), both: true);
        Add(keys, BlockingPass.BirthDateAndInitial, r.BirthKey, Initial(pool, r.Given), both: true);
        Add(keys, BlockingPass.PostalCodeAndStreetNumber, r.PostalCode, r.StreetNumber, both: true);
        Add(keys, BlockingPass.StreetAndCity, r.Street, r.City, both: true);

        // The address without its locality: a mistyped postcode and city still meet.
        Add(keys, BlockingPass.StreetAndStreetNumber, r.Street, r.StreetNumber, both: true);

        // Each name's code with the other name's initial: a typo that changes one name's code (nicle / nicole,
        // karft / kraft) still meets the same person where the other name is rare enough for a small block.
        Add(keys, BlockingPass.NameCodeAndInitial, r.FamilyCode, Initial(pool, r.Given), both: true);
        Add(keys, BlockingPass.NameCodeAndInitial, r.GivenCode, Initial(pool, r.Family), both: true);
        Add(keys, BlockingPass.NameCodeAndInitial, r.GivenOwnCode, Initial(pool, r.Family), both: true);
    }

    /// <summary>One key per name code (family, canonical given, own given) paired with <paramref name="other"/>.</summary>
    private static void AddPerName(List<ulong> keys, BlockingPass pass, in RecordFeatures r, int other)
    {
        Add(keys, pass, r.FamilyCode, other, both: true);
        Add(keys, pass, r.GivenCode, other, both: true);
        Add(keys, pass, r.GivenOwnCode, other, both: true);
    }

    /// <summary>A stable hash of a span (<see cref="StableHash"/>), folded to a non-zero int.</summary>
    private static int Fnv(ReadOnlySpan<char> text)
    {
        var hash = StableHash.Of(text);
        return (int)(hash ^ (hash >> 32)) | 1;
    }

    private static int Initial(StringPool pool, int id) => id == 0 ? 0 : pool[id][0];

    private static void Add(List<ulong> keys, BlockingPass pass, int first, int second, bool both = false)
    {
        if (first == 0 || (both && second == 0))
        {
            return;
        }

        // SplitMix64 finalizer over the two ids; the pass occupies the top bits so passes never collide.
        var x = ((ulong)(uint)first << 32) | (uint)second;
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        keys.Add(((ulong)pass << 58) | (x >> 6));
    }
}

/// <summary>How one blocking pass behaved: blocks formed, blocks skipped as oversized, pairs it produced.</summary>
public sealed record BlockingPassStats(BlockingPass Pass, int Blocks, int OversizedBlocks, long Pairs);

/// <summary>The union of all passes: distinct candidate pairs and the share of all pairs avoided.</summary>
public sealed record BlockingStats(IReadOnlyList<BlockingPassStats> Passes, long CandidatePairs, long AllPairs)
{
    public double ReductionRatio => AllPairs == 0 ? 1 : 1 - ((double)CandidatePairs / AllPairs);
}

/// <summary>Batch candidate generation: sort every (key, record) once, pair within each capped block.</summary>
internal static class CandidatePairs
{
    public static ulong Pack(int left, int right) =>
        left < right ? ((ulong)(uint)left << 32) | (uint)right : ((ulong)(uint)right << 32) | (uint)left;

    public static (int Left, int Right) Unpack(ulong pair) => ((int)(pair >> 32), (int)(uint)pair);

    public static ulong[] Generate(FeatureTable table, MatchSettings settings, out BlockingStats stats) =>
        Generate(table, settings, out stats, out _);

    /// <summary>Distinct candidate pairs, and for each a bit mask of the passes (1 &lt;&lt; pass) that produced it.</summary>
    public static ulong[] Generate(FeatureTable table, MatchSettings settings, out BlockingStats stats, out uint[] passMasks)
    {
        var keyList = new List<ulong>(table.Count * 12);
        var ownerList = new List<int>(table.Count * 12);
        var scratch = new List<ulong>(32);
        for (var i = 0; i < table.Count; i++)
        {
            BlockingKeys.Collect(table, i, scratch);
            foreach (var key in scratch)
            {
                keyList.Add(key);
                ownerList.Add(i);
            }
        }

        var keys = keyList.ToArray();
        var owners = ownerList.ToArray();
        keyList = null;
        ownerList = null;
        Array.Sort(keys, owners);

        var blocks = new int[BlockingKeys.PassCount];
        var oversized = new int[BlockingKeys.PassCount];
        var passPairs = new long[BlockingKeys.PassCount];
        var pairs = new List<ulong>(table.Count * 8);
        var masks = new List<uint>(table.Count * 8);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            var size = end - start;
            if (size > 1)
            {
                var pass = BlockingKeys.PassOf(keys[start]);
                blocks[(int)pass]++;
                if (size > BlockingKeys.Cap(pass, settings))
                {
                    oversized[(int)pass]++;
                }
                else
                {
                    for (var i = start; i < end; i++)
                    {
                        for (var j = i + 1; j < end; j++)
                        {
                            if (owners[i] != owners[j])
                            {
                                pairs.Add(Pack(owners[i], owners[j]));
                                masks.Add(1u << (int)pass);
                            }
                        }
                    }

                    passPairs[(int)pass] += (long)size * (size - 1) / 2;
                }
            }

            start = end;
        }

        var result = pairs.ToArray();
        var maskArray = masks.ToArray();
        pairs = null;
        masks = null;
        Array.Sort(result, maskArray);
        var distinct = 0;
        for (var i = 0; i < result.Length; i++)
        {
            if (distinct == 0 || result[i] != result[distinct - 1])
            {
                result[distinct] = result[i];
                maskArray[distinct] = maskArray[i];
                distinct++;
            }
            else
            {
                maskArray[distinct - 1] |= maskArray[i];
            }
        }

        Array.Resize(ref result, distinct);
        Array.Resize(ref maskArray, distinct);
        passMasks = maskArray;
        var passStats = Enumerable.Range(0, BlockingKeys.PassCount)
            .Select(p => new BlockingPassStats((BlockingPass)p, blocks[p], oversized[p], passPairs[p]))
            .ToArray();
        stats = new BlockingStats(passStats, distinct, (long)table.Count * (table.Count - 1) / 2);
        return result;
    }
}
