namespace ProfileHub.Core.Profiles;

/// <summary>
/// What a matching run changes about profiles: the profile each clustered record now belongs to, the
/// profiles created, the profiles absorbed by another, and the profiles whose membership changed (only
/// those need survivorship again).
/// </summary>
public sealed record ProfileAssignmentPlan(
    IReadOnlyDictionary<long, Guid> ProfileOfRecord,
    IReadOnlyList<Guid> NewProfiles,
    IReadOnlyList<ProfileMerge> Merges,
    IReadOnlySet<Guid> Touched);

public readonly record struct ProfileMerge(Guid Merged, Guid Into);

/// <summary>
/// Keeps profile ids stable across matching runs. Given the clusters a run produced and the records'
/// current profiles: a profile that gains records keeps its id; when clusters join several profiles the
/// oldest survives and the others are marked merged into it; when a profile's records end up in several
/// clusters (a split), the cluster holding most of them keeps the id and the rest get another existing
/// profile or a new one. Clusters not passed in are left as they are, so an incremental run passes only the
/// clusters its new records touched. Every profile with a record in a passed cluster is claimed by one of
/// them, so each cluster passed in must hold all the records of the profiles it touches (the engine's clusters
/// do: incremental matching only ever joins clusters; splits come from a full rebuild, which passes them all).
/// </summary>
public static class ProfileAssignment
{
    public static ProfileAssignmentPlan Plan(
        IReadOnlyList<IReadOnlyCollection<long>> clusters,
        IReadOnlyDictionary<long, Guid> currentProfileOfRecord,
        IReadOnlyDictionary<Guid, DateTimeOffset> profileCreatedAt,
        Func<Guid> newProfileId)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(currentProfileOfRecord);
        ArgumentNullException.ThrowIfNull(profileCreatedAt);
        ArgumentNullException.ThrowIfNull(newProfileId);

        // Deterministic order: by each cluster's smallest record id.
        var ordered = clusters.Where(c => c.Count > 0).Select(c => c.Order().ToArray()).OrderBy(c => c[0]).ToList();
        var claimedBy = HomeClusterOfEachProfile(ordered, currentProfileOfRecord)
            .GroupBy(home => home.Value, home => home.Key)
            .ToDictionary(g => g.Key, g => g.ToList());

        var profileOfRecord = new Dictionary<long, Guid>();
        var newProfiles = new List<Guid>();
        var merges = new List<ProfileMerge>();
        var touched = new HashSet<Guid>();
        for (var c = 0; c < ordered.Count; c++)
        {
            var claimed = claimedBy.GetValueOrDefault(c, [])
                .OrderBy(p => profileCreatedAt.TryGetValue(p, out var at) ? at : DateTimeOffset.MaxValue)
                .ThenBy(p => p)
                .ToList();
            Guid survivor;
            if (claimed.Count == 0)
            {
                survivor = newProfileId();
                newProfiles.Add(survivor);
            }
            else
            {
                survivor = claimed[0];
                merges.AddRange(claimed.Skip(1).Select(p => new ProfileMerge(p, survivor)));
            }

            foreach (var record in ordered[c])
            {
                profileOfRecord[record] = survivor;
                if (!currentProfileOfRecord.TryGetValue(record, out var before) || before != survivor)
                {
                    touched.Add(survivor);
                    if (currentProfileOfRecord.ContainsKey(record))
                    {
                        touched.Add(before);
                    }
                }
            }
        }

        foreach (var merge in merges)
        {
            touched.Remove(merge.Merged);
        }

        return new ProfileAssignmentPlan(profileOfRecord, newProfiles, merges, touched);
    }

    /// <summary>Each current profile is claimed by the cluster holding most of its records (ties: the earlier cluster).</summary>
    private static Dictionary<Guid, int> HomeClusterOfEachProfile(List<long[]> clusters, IReadOnlyDictionary<long, Guid> current)
    {
        var counts = new Dictionary<Guid, Dictionary<int, int>>();
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var record in clusters[c])
            {
                if (current.TryGetValue(record, out var profile))
                {
                    var perCluster = counts.TryGetValue(profile, out var found) ? found : counts[profile] = [];
                    perCluster[c] = perCluster.GetValueOrDefault(c) + 1;
                }
            }
        }

        return counts.ToDictionary(
            p => p.Key,
            p => p.Value.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key);
    }
}
