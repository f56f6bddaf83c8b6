using ProfileHub.Core.Stewardship;

namespace ProfileHub.Core.Matching;

/// <summary>
/// What the engine decided in one run, in record ids: the clusters to pass to ProfileAssignment (all of them
/// after a rebuild, only the touched ones incrementally), the scored pairs with their explanations, the
/// records processed, and the model a rebuild trained (to store for later incremental runs). The match job's
/// one call into the engine: the host loads the <see cref="MatchBasis"/>, calls <see cref="Resolve"/>, and
/// writes what it returns.
/// </summary>
public sealed class MatchResolution
{
    public required bool Rebuilt { get; init; }

    public required IReadOnlyList<IReadOnlyCollection<long>> Clusters { get; init; }

    /// <summary>Linked, review and refused pairs (at or above the lower threshold).</summary>
    public required IReadOnlyList<MatchExplanation> Pairs { get; init; }

    /// <summary>Records whose match this run decided: their NeedsMatching flag is cleared.</summary>
    public required IReadOnlyList<long> Processed { get; init; }

    /// <summary>
    /// How many records the engine resolved: every record in a rebuild (most of them already matched, so not
    /// in <see cref="Processed"/>), the incoming ones incrementally. What `match` reports as processed.
    /// </summary>
    public required int Resolved { get; init; }

    /// <summary>The model a rebuild trained, as the document to store for later incremental runs.</summary>
    public string? TrainedModelDocument { get; init; }

    /// <summary>
    /// One run: incremental against <paramref name="storedModel"/> (a stored model document), or a rebuild that
    /// trains a new model when there is none or it no longer fits the comparisons (<see cref="CanResumeFrom"/>).
    /// </summary>
    public static MatchResolution Resolve(MatchBasis basis, string? storedModel, MatchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(basis);
        return storedModel is not null && MatchModelDocument.ToModel(storedModel) is { } model
            ? Incremental(basis, model, settings)
            : Rebuild(basis, settings);
    }

    /// <summary>Whether a run given <paramref name="storedModel"/> resolves incrementally rather than rebuilding.</summary>
    public static bool CanResumeFrom(string? storedModel) =>
        storedModel is not null && MatchModelDocument.ToModel(storedModel) is not null;

    /// <summary>Every record, with its cluster-mates, against the engine as a batch: a new model is trained.</summary>
    private static MatchResolution Rebuild(MatchBasis snapshot, MatchSettings settings)
    {
        var hash = snapshot.Records.Any(r => r.HasHashedIdentifier);
        var input = snapshot.Records.Select(r => r.ToEngineInput(hash)).ToList();
        var run = BatchResolver.Resolve(input, settings, EngineConstraints(snapshot.Constraints));
        var clusters = new Dictionary<int, List<long>>();
        for (var i = 0; i < run.RecordCount; i++)
        {
            var root = run.ProfileOf(i);
            (clusters.TryGetValue(root, out var members) ? members : clusters[root] = []).Add(snapshot.Records[i].Id);
        }

        return new MatchResolution
        {
            Rebuilt = true,
            Clusters = [.. clusters.Values],
            Pairs = [.. run.Explanations()],
            Processed = [.. snapshot.Records.Where(r => r.NeedsMatching).Select(r => r.Id)],
            Resolved = snapshot.Records.Count,
            TrainedModelDocument = MatchModelDocument.From(run.Scorer.Model, settings).ToJson(),
        };
    }

    /// <summary>
    /// Only the records that need matching, resolved one at a time against an index of the matched records
    /// grouped as their profiles are now, scored with the stored model. A profile that holds both records of
    /// a steward's cannot-link pair is taken apart: its records are resolved again, under the constraint.
    /// </summary>
    private static MatchResolution Incremental(MatchBasis snapshot, FellegiSunterModel model, MatchSettings settings)
    {
        var hash = snapshot.Records.Any(r => r.HasHashedIdentifier);
        var dissolved = ProfilesBreakingCannotLinks(snapshot);
        var seeded = new List<MatchRecord>(snapshot.Records.Count);
        var incoming = new List<MatchRecord>();
        foreach (var record in snapshot.Records)
        {
            var matched = !record.NeedsMatching
                && snapshot.ProfileOfRecord.TryGetValue(record.Id, out var profile)
                && !dissolved.Contains(profile);
            (matched ? seeded : incoming).Add(record);
        }

        var profileKeys = new Dictionary<Guid, long>();
        var profileOfSeeded = seeded.Select(r =>
        {
            var profile = snapshot.ProfileOfRecord[r.Id];
            return profileKeys.TryGetValue(profile, out var key) ? key : profileKeys[profile] = profileKeys.Count;
        }).ToList();
        var incomingInput = Extract(incoming, hash, settings);
        var index = new SeededMatchIndex(
            Extract(seeded, hash, settings),
            profileOfSeeded,
            incomingInput,
            model,
            settings,
            EngineConstraints(snapshot.Constraints));
        var decisions = index.ResolveAll(incomingInput);

        return new MatchResolution
        {
            Rebuilt = false,
            Clusters = TouchedClusters(snapshot, index, incoming),
            Pairs = [.. decisions.SelectMany(d => d.Links)],
            Processed = [.. incoming.Select(r => r.Id)],
            Resolved = incoming.Count,
        };
    }

    /// <summary>
    /// The clusters holding an incoming record or a must-linked record, widened until every profile with a
    /// record in them has all its records in them (what ProfileAssignment.Plan needs of the clusters it gets).
    /// </summary>
    private static List<IReadOnlyCollection<long>> TouchedClusters(MatchBasis snapshot, SeededMatchIndex index, List<MatchRecord> incoming)
    {
        var members = new Dictionary<int, List<long>>();
        var recordsOfProfile = new Dictionary<Guid, List<int>>();
        var indexOf = new Dictionary<long, int>(index.Count);
        for (var i = 0; i < index.Count; i++)
        {
            var id = MatchRecord.Parse(index.RecordId(i));
            indexOf[id] = i;
            var root = index.ProfileOf(i);
            (members.TryGetValue(root, out var list) ? list : members[root] = []).Add(id);
            if (snapshot.ProfileOfRecord.TryGetValue(id, out var profile))
            {
                (recordsOfProfile.TryGetValue(profile, out var records) ? records : recordsOfProfile[profile] = []).Add(i);
            }
        }

        var pending = new Stack<int>(incoming.Select(r => index.ProfileOf(indexOf[r.Id])));
        foreach (var constraint in snapshot.Constraints.Where(c => c.Kind == ConstraintKind.MustLink))
        {
            if (indexOf.TryGetValue(constraint.RecordA!.Value, out var a))
            {
                pending.Push(index.ProfileOf(a));
            }
        }

        var touched = new HashSet<int>();
        while (pending.TryPop(out var root))
        {
            if (!touched.Add(root))
            {
                continue;
            }

            foreach (var id in members[root])
            {
                if (snapshot.ProfileOfRecord.TryGetValue(id, out var profile))
                {
                    foreach (var other in recordsOfProfile[profile])
                    {
                        pending.Push(index.ProfileOf(other));
                    }
                }
            }
        }

        return [.. touched.Select(root => (IReadOnlyCollection<long>)members[root])];
    }

    private static HashSet<Guid> ProfilesBreakingCannotLinks(MatchBasis snapshot)
    {
        var dissolved = new HashSet<Guid>();
        foreach (var constraint in snapshot.Constraints.Where(c => c.Kind == ConstraintKind.CannotLink))
        {
            if (snapshot.ProfileOfRecord.TryGetValue(constraint.RecordA!.Value, out var a)
                && snapshot.ProfileOfRecord.TryGetValue(constraint.RecordB!.Value, out var b)
                && a == b)
            {
                dissolved.Add(a);
            }
        }

        return dissolved;
    }

    // Normalizing is the costly part of loading a million records: both cores share it.
    private static List<NormalizedRecord> Extract(List<MatchRecord> records, bool hash, MatchSettings settings) =>
        [.. records.AsParallel().AsOrdered().WithDegreeOfParallelism(settings.MaxDegreeOfParallelism)
            .Select(r => FeatureExtractor.Extract(r.ToEngineInput(hash), settings))];

    private static StewardConstraints EngineConstraints(IReadOnlyList<StewardConstraint> constraints)
    {
        var result = new StewardConstraints();
        foreach (var constraint in constraints)
        {
            if (constraint is { RecordA: { } a, RecordB: { } b })
            {
                var pair = (MatchRecord.Format(a), MatchRecord.Format(b));
                (constraint.Kind == ConstraintKind.MustLink ? result.MustLink : result.CannotLink).Add(pair);
            }
        }

        return result;
    }
}
