namespace ProfileHub.Core.Matching;

/// <summary>
/// FNV-1a over a span's characters, 64 bits: the same value in every process, unlike string.GetHashCode, which is
/// seeded per process. Counts keyed by it (mailbox names, domains) must not change from one run to the next, and at
/// a million distinct values 64 bits leave no collision to speak of (32 would give about a hundred).
/// </summary>
internal static class StableHash
{
    public static long Of(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)hash;
    }
}
