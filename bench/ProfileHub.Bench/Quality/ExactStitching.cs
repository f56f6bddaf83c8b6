using ProfileHub.Core.Matching;

namespace ProfileHub.Bench.Quality;

/// <summary>
/// The baseline a matching engine has to beat: deterministic identity stitching as Segment-style CDPs do it,
/// one profile per connected group of records sharing an exact normalized email, phone, loyalty id or handle
/// (junk values included: the stitcher has no notion of them). A Gmail address is normalized the way Gmail
/// delivers it (dots and +tags dropped), as every CDP's identity resolution does.
/// </summary>
internal static class ExactStitching
{
    /// <param name="table">The normalized records.</param>
    /// <param name="truth">When given, only records of one true entity are stitched: the ceiling of linking
    /// exactly the true pairs that share a normalized identifier (how much of the truth identifiers reach).</param>
    public static string[] Profiles(FeatureTable table, string[]? truth = null)
    {
        var parent = Enumerable.Range(0, table.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        var firstHolder = new Dictionary<(int Kind, int Value, string? Entity), int>();
        void Stitch(int record, int kind, int value)
        {
            if (value == 0)
            {
                return;
            }

            var key = (kind, value, truth?[record]);
            if (firstHolder.TryGetValue(key, out var other))
            {
                parent[Find(record)] = Find(other);
            }
            else
            {
                firstHolder[key] = record;
            }
        }

        for (var i = 0; i < table.Count; i++)
        {
            ref readonly var r = ref table[i];
            foreach (var email in r.Emails)
            {
                Stitch(i, 0, email);
            }

            foreach (var gmail in r.GmailKeys)
            {
                Stitch(i, 0, gmail);
            }

            foreach (var phone in r.Phones)
            {
                Stitch(i, 1, phone);
            }

            Stitch(i, 2, r.LoyaltyId);
            Stitch(i, 3, r.SocialHandle);
        }

        return [.. Enumerable.Range(0, table.Count).Select(i => Find(i).ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }
}
