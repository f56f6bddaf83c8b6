using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;
using ProfileHub.Core.Survivorship;
using ProfileHub.Storage;
using ProfileHub.Storage.Bulk;

namespace ProfileHub.Server.Matching;

/// <summary>
/// One match run, one unit of work: load (<see cref="MatchSnapshot"/>), resolve (a rebuild, or incrementally
/// against the existing profiles with the stored model), plan stable profile ids (ProfileAssignment), then
/// write everything in one transaction: new profiles, merges with their audit events, memberships with their
/// explanations, review items, survivorship of the touched profiles, the trained model, and the processed
/// records' NeedsMatching flag cleared.
/// </summary>
internal sealed partial class MatchRunner(
    IDbContextFactory<ProfileHubDbContext> contexts,
    TimeProvider clock,
    ILogger<MatchRunner> logger,
    MatchSettings settings)
{
    /// <summary>The actor named in the audit trail for automatic merges.</summary>
    public const string Actor = "match-job";

    private static readonly TimeSpan RunCommandTimeout = TimeSpan.FromHours(1);

    public SurvivorshipPolicy Policy { get; init; } = SurvivorshipPolicy.Default;

    /// <summary>
    /// A model trained on less than half of today's records (the first run saw one source; the others came
    /// later) describes the data poorly: m- and u-probabilities and term frequencies move as sources join.
    /// Such a run retrains, i.e. rebuilds; small increments keep scoring with the stored model.
    /// </summary>
    private static bool Outgrown(MatchSnapshot snapshot) => snapshot.Records.Count > 2 * snapshot.ModelRecordCount;

    public async Task<MatchSummary> RunAsync(bool rebuild, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // A run is a batch job whose statements grow with the data (a first run over a million records copies
        // millions of rows); the default 30 s per command would abort it. Stopping is the cancellation token's job.
        db.Database.SetCommandTimeout(RunCommandTimeout);
        var snapshot = await MatchSnapshot.LoadAsync(db, cancellationToken);
        var storedModel = rebuild || Outgrown(snapshot) ? null : snapshot.ModelDocument;

        // The job runs after every ingestion that stored something, touchpoints included: a run with no record to
        // match reports its progress at Debug, so that an idle server does not log an empty match every minute.
        var level = !MatchResolution.CanResumeFrom(storedModel) || snapshot.Records.Any(r => r.NeedsMatching) ? LogLevel.Information : LogLevel.Debug;
        LogLoaded(logger, level, snapshot.Records.Count, stopwatch.Elapsed.TotalSeconds);
        var resolution = MatchResolution.Resolve(snapshot.Basis, storedModel, settings);
        LogResolved(logger, level, resolution.Rebuilt ? "rebuild" : "incremental", resolution.Resolved, stopwatch.Elapsed.TotalSeconds);

        var now = clock.GetUtcNow();
        var created = new Dictionary<Guid, GoldenProfile>();
        var plan = ProfileAssignment.Plan(resolution.Clusters, snapshot.ProfileOfRecord, snapshot.ProfileCreatedAt, () =>
        {
            var profile = GoldenProfile.Create(clock);
            created.Add(profile.Id, profile);
            return profile.Id;
        });

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Tens of thousands of entities are staged below: changes are detected once, before saving.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var profileRows = ProfileRows.For(db);
        var touched = TouchedProfiles(snapshot, resolution, plan);
        var profiles = await LoadProfilesAsync(db, profileRows, touched, plan, created, cancellationToken);
        ApplyMerges(db, plan, profiles, now);
        var mergedInto = plan.Merges.ToDictionary(m => m.Merged, m => m.Into);
        await StoredSurvivorship.MovePinsAsync(db, mergedInto, cancellationToken);
        await WriteMembershipsAsync(db, profileRows, snapshot, resolution, plan, now, cancellationToken);
        var queued = QueueReviews(profileRows, snapshot, resolution, plan, now);
        LogPhase(logger, level, "profiles, merges, memberships and review items staged", stopwatch.Elapsed.TotalSeconds);
        Survive(profileRows, snapshot, plan, mergedInto, touched, profiles, now);
        LogPhase(logger, level, "survivorship computed", stopwatch.Elapsed.TotalSeconds);
        if (resolution.TrainedModelDocument is { } trained)
        {
            db.MatchModels.Add(new StoredMatchModel(trained, snapshot.Records.Count, now));
        }

        db.ChangeTracker.DetectChanges();
        LogPhase(logger, level, "changes detected", stopwatch.Elapsed.TotalSeconds);
        await profileRows.TakeOverAsync(cancellationToken);
        LogPhase(logger, level, "new profiles copied", stopwatch.Elapsed.TotalSeconds);
        await db.SaveChangesAsync(cancellationToken);
        LogPhase(logger, level, "tracked changes saved", stopwatch.Elapsed.TotalSeconds);
        await profileRows.FlushAsync(cancellationToken);
        LogPhase(logger, level, "bulk rows written", stopwatch.Elapsed.TotalSeconds);
        await MarkMatchedAsync(db, resolution.Processed, snapshot.LoadedUpTo, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var summary = new MatchSummary(
            resolution.Rebuilt, resolution.Resolved, plan.NewProfiles.Count, plan.Merges.Count, touched.Count, queued, stopwatch.Elapsed);
        LogFinished(logger, summary.DidAnything ? LogLevel.Information : LogLevel.Debug, summary.ToString());
        return summary;
    }

    /// <summary>Profiles whose members changed (the plan's) plus those whose records changed content.</summary>
    private static HashSet<Guid> TouchedProfiles(MatchSnapshot snapshot, MatchResolution resolution, ProfileAssignmentPlan plan)
    {
        var touched = new HashSet<Guid>(plan.Touched);
        foreach (var record in resolution.Processed)
        {
            if (plan.ProfileOfRecord.TryGetValue(record, out var profile) || snapshot.ProfileOfRecord.TryGetValue(record, out profile))
            {
                touched.Add(profile);
            }
        }

        foreach (var merge in plan.Merges)
        {
            touched.Remove(merge.Merged);
            touched.Add(merge.Into);
        }

        return touched;
    }

    private static async Task<Dictionary<Guid, GoldenProfile>> LoadProfilesAsync(
        ProfileHubDbContext db, ProfileRows profileRows, HashSet<Guid> touched, ProfileAssignmentPlan plan, Dictionary<Guid, GoldenProfile> created, CancellationToken cancellationToken)
    {
        db.Profiles.AddRange(created.Values);
        var wanted = touched.Concat(plan.Merges.Select(m => m.Merged)).Where(id => !created.ContainsKey(id)).Distinct().ToList();
        IQueryable<GoldenProfile> query = profileRows.TracksAttributes ? db.Profiles.Include(p => p.Attributes) : db.Profiles;
        var profiles = await query.WhereIn(p => p.Id, wanted).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var (id, profile) in created)
        {
            profiles[id] = profile;
        }

        return profiles;
    }

    private static void ApplyMerges(ProfileHubDbContext db, ProfileAssignmentPlan plan, Dictionary<Guid, GoldenProfile> profiles, DateTimeOffset now)
    {
        foreach (var merge in plan.Merges)
        {
            var merged = profiles[merge.Merged];
            merged.MergeInto(profiles[merge.Into], now);
            db.AuditEvents.Add(new AuditEvent(
                Actor,
                "auto_merge",
                "profile",
                merge.Merged.ToString(),
                JsonSerializer.Serialize(new { status = "active" }, ExplanationJson.Options),
                JsonSerializer.Serialize(new { status = "merged", mergedInto = merge.Into }, ExplanationJson.Options),
                now));
        }
    }

    /// <summary>
    /// Memberships of the records this run processed (with the strongest link that ties each into its
    /// profile, or as the seed of a new one) and of the records that moved with a merge or split (keeping the
    /// score and explanation that first brought them in). Records whose profile did not change are not written.
    /// </summary>
    private static async Task WriteMembershipsAsync(
        ProfileHubDbContext db,
        ProfileRows profileRows,
        MatchSnapshot snapshot,
        MatchResolution resolution,
        ProfileAssignmentPlan plan,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var profileOf = plan.ProfileOfRecord;
        var processed = resolution.Processed.Where(profileOf.ContainsKey).ToHashSet();
        var changed = profileOf
            .Where(kv => processed.Contains(kv.Key) || !snapshot.ProfileOfRecord.TryGetValue(kv.Key, out var before) || before != kv.Value)
            .Select(kv => kv.Key)
            .ToList();
        var links = LinkedExplanations(resolution, changed.ToHashSet());
        var sizes = profileOf.Values.CountBy(p => p).ToDictionary();
        var existing = await db.Memberships.WhereIn(m => m.RecordId, changed).ToDictionaryAsync(m => m.RecordId, cancellationToken);
        foreach (var record in changed)
        {
            var profile = profileOf[record];
            var link = links.GetValueOrDefault(record)?
                .Where(l => profileOf.GetValueOrDefault(MatchRecord.Parse(l.LeftRecordId)) == profile
                    && profileOf.GetValueOrDefault(MatchRecord.Parse(l.RightRecordId)) == profile)
                .MaxBy(l => l.TotalWeight);
            existing.TryGetValue(record, out var membership);
            if (link is null && membership is not null && !processed.Contains(record))
            {
                // Moved with a merge or split: it keeps the score and explanation that first brought it in.
                membership.MoveTo(profile, membership.Score, membership.Explanation, membership.LinkedBy, now);
                continue;
            }

            // No scored link holds it in a shared profile: a steward's must-link does.
            var pending = new PendingMembership(record, profile, link, sizes[profile] > 1 ? LinkOrigin.Steward : LinkOrigin.Seed, now);
            if (membership is not null)
            {
                pending.ApplyTo(membership);
            }
            else
            {
                profileRows.Add(pending);
            }
        }
    }

    /// <summary>The linked pairs of the given records, by record.</summary>
    private static Dictionary<long, List<MatchExplanation>> LinkedExplanations(MatchResolution resolution, HashSet<long> records)
    {
        var byRecord = new Dictionary<long, List<MatchExplanation>>();
        foreach (var pair in resolution.Pairs.Where(p => p.Decision == MatchDecision.Linked))
        {
            foreach (var key in (string[])[pair.LeftRecordId, pair.RightRecordId])
            {
                var id = MatchRecord.Parse(key);
                if (records.Contains(id))
                {
                    (byRecord.TryGetValue(id, out var list) ? list : byRecord[id] = []).Add(pair);
                }
            }
        }

        return byRecord;
    }

    /// <summary>
    /// One review item per pair of profiles, for its best pair scored between the thresholds (as
    /// MatchRun.ReviewQueue does for `resolve`), unless the pair was queued before (open or decided) or a
    /// steward said they are not the same person: a steward decides whether two profiles are one person.
    /// </summary>
    private static int QueueReviews(ProfileRows profileRows, MatchSnapshot snapshot, MatchResolution resolution, ProfileAssignmentPlan plan, DateTimeOffset now)
    {
        var apart = snapshot.Constraints
            .Where(c => c.Kind == ConstraintKind.CannotLink)
            .Select(c => (c.RecordA!.Value, c.RecordB!.Value))
            .ToHashSet();
        var queued = 0;
        var profilePairs = new HashSet<(Guid?, Guid?)>();
        foreach (var pair in resolution.Pairs.Where(p => p.Decision == MatchDecision.Review).OrderByDescending(p => p.TotalWeight))
        {
            var (a, b) = (MatchRecord.Parse(pair.LeftRecordId), MatchRecord.Parse(pair.RightRecordId));
            var key = (Math.Min(a, b), Math.Max(a, b));
            var (profileA, profileB) = (ProfileOf(a), ProfileOf(b));
            if (profileA == profileB || apart.Contains(key)
                || !profilePairs.Add(Comparer<Guid?>.Default.Compare(profileA, profileB) < 0 ? (profileA, profileB) : (profileB, profileA))
                || !snapshot.QueuedPairs.Add(key))
            {
                continue;
            }

            profileRows.Add(new PendingReview(a, b, pair, now));
            queued++;
        }

        return queued;

        Guid? ProfileOf(long record) =>
            plan.ProfileOfRecord.TryGetValue(record, out var p) || snapshot.ProfileOfRecord.TryGetValue(record, out p) ? p : null;
    }

    private void Survive(
        ProfileRows profileRows, MatchSnapshot snapshot, ProfileAssignmentPlan plan, Dictionary<Guid, Guid> mergedInto, HashSet<Guid> touched, Dictionary<Guid, GoldenProfile> profiles, DateTimeOffset now)
    {
        var members = touched.ToDictionary(id => id, _ => new List<MatchRecord>());
        foreach (var record in snapshot.Records)
        {
            if ((plan.ProfileOfRecord.TryGetValue(record.Id, out var profile) || snapshot.ProfileOfRecord.TryGetValue(record.Id, out profile))
                && members.TryGetValue(profile, out var list))
            {
                list.Add(record);
            }
        }

        var pins = ProfileSurvivorship.PinsByProfile(snapshot.Constraints, mergedInto);
        foreach (var (id, records) in members)
        {
            var survived = ProfileSurvivorship.Survive(records, pins.GetValueOrDefault(id), Policy);
            profiles[id].ReplaceAttributes(survived, now);
            profileRows.TakeAttributes(profiles[id]);
        }
    }

    private static async Task MarkMatchedAsync(ProfileHubDbContext db, IReadOnlyList<long> processed, DateTimeOffset loadedUpTo, CancellationToken cancellationToken)
    {
        // A record re-ingested while this run was matching keeps its flag: the next run picks up the new content.
        await db.SourceRecords
            .WhereIn(r => r.Id, processed)
            .Where(r => r.IngestedAt <= loadedUpTo)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NeedsMatching, false), cancellationToken);
    }

    [LoggerMessage(Message = "match: loaded {Records} records in {Seconds:0.0} s")]
    private static partial void LogLoaded(ILogger logger, LogLevel level, int records, double seconds);

    [LoggerMessage(Message = "match: {Mode} resolved {Records} records at {Seconds:0.0} s")]
    private static partial void LogResolved(ILogger logger, LogLevel level, string mode, int records, double seconds);

    [LoggerMessage(Message = "match: {Phase} at {Seconds:0.0} s")]
    private static partial void LogPhase(ILogger logger, LogLevel level, string phase, double seconds);

    [LoggerMessage(Message = "match: {Summary}")]
    private static partial void LogFinished(ILogger logger, LogLevel level, string summary);
}
