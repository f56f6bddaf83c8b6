using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;
using ProfileHub.Core.Survivorship;
using ProfileHub.Server.Matching;
using ProfileHub.Storage;

namespace ProfileHub.Server.Stewardship;

/// <summary>
/// A data steward's edits. Each runs in one transaction and is all-or-nothing: it checks the versions the
/// steward saw (a profile changed since is a STALE_VERSION error; a concurrent edit that slips between check
/// and save fails on the version column's concurrency token the same way), changes memberships, records the
/// decision as a constraint every later match run honours (must-link, cannot-link, pin), recomputes
/// survivorship of the profiles it touched, and writes an audit event with the state before and after.
/// </summary>
internal sealed partial class StewardActions(IDbContextFactory<ProfileHubDbContext> contexts, TimeProvider clock)
{
    public SurvivorshipPolicy Policy { get; init; } = SurvivorshipPolicy.Default;

    /// <summary>
    /// Merges profiles into the oldest of them (its id survives; the others stay resolvable, marked merged into
    /// it), tied by must-link constraints. Refused when a steward said two of their records are different people.
    /// </summary>
    public Task<GoldenProfile> MergeAsync(IReadOnlyList<ProfileVersion> profiles, string actor, CancellationToken cancellationToken) =>
        InTransactionAsync(db => MergeAsync(db, profiles, actor, cancellationToken), cancellationToken);

    private async Task<GoldenProfile> MergeAsync(ProfileHubDbContext db, IReadOnlyList<ProfileVersion> profiles, string actor, CancellationToken cancellationToken)
    {
        if (profiles.Select(p => p.Id).Distinct().Count() < 2)
        {
            throw new StewardException(StewardException.InvalidState, "A merge needs at least two different profiles.");
        }

        // Locked in one global order, so two merges of the same profiles cannot deadlock.
        var loaded = new List<GoldenProfile>();
        foreach (var profile in profiles.DistinctBy(p => p.Id).OrderBy(p => p.Id))
        {
            loaded.Add(await EditableAsync(db, profile, cancellationToken));
        }

        return await MergeLoadedAsync(db, loaded, link: null, actor, cancellationToken);
    }

    /// <summary>
    /// What <see cref="MergeAsync(IReadOnlyList{ProfileVersion}, string, CancellationToken)"/> would make of these profiles, without making it: the same merge (same
    /// checks, same survivorship) runs in a transaction that is rolled back, so the preview cannot drift from
    /// the merge it previews. The steward then merges with the versions the preview was computed on.
    /// </summary>
    public async Task<MergePreview> PreviewMergeAsync(IReadOnlyList<ProfileVersion> profiles, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, cancellationToken);
        var survivor = await MergeAsync(db, profiles, actor, cancellationToken);
        var attributes = await db.ProfileAttributes.AsNoTracking().Where(a => a.ProfileId == survivor.Id).ToListAsync(cancellationToken);
        var members = await db.Memberships.CountAsync(m => m.ProfileId == survivor.Id, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return new MergePreview(survivor.Id, [.. profiles.Select(p => p.Id).Distinct().Where(id => id != survivor.Id)], attributes, members);
    }

    /// <summary>Moves one record out of its profile into a new one, never to be linked with its former companions again.</summary>
    public Task<SplitOutcome> SplitAsync(long record, int profileVersion, string actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var membership = await MembershipAsync(db, record, cancellationToken);
            var profile = await EditableAsync(db, new ProfileVersion(membership.ProfileId, profileVersion), cancellationToken);
            var others = await db.Memberships.Where(m => m.ProfileId == profile.Id && m.RecordId != record).Select(m => m.RecordId).ToListAsync(cancellationToken);
            if (others.Count == 0)
            {
                throw new StewardException(StewardException.InvalidState, $"Record {record} is the only record of profile {profile.Id}: there is nothing to split it from.");
            }

            var created = await MoveOutAsync(db, profile, membership, others, actor, "split", cancellationToken);
            return new SplitOutcome(profile, created);
        }, cancellationToken);

    /// <summary>
    /// Two records are not the same person: a cannot-link constraint, and when they share a profile today,
    /// <paramref name="recordB"/> moves out into a new profile (then <paramref name="profileVersion"/> is required).
    /// </summary>
    public Task<NotDuplicateOutcome> MarkNotDuplicateAsync(long recordA, long recordB, int? profileVersion, string actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            if (recordA == recordB)
            {
                throw new StewardException(StewardException.InvalidState, "A record is always the same person as itself.");
            }

            var (a, b) = await MembershipsAsync(db, recordA, recordB, cancellationToken);
            var outcome = await MarkNotDuplicateAsync(db, a, b, profileVersion, actor, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }, cancellationToken);

    /// <summary>A steward's decision on a review item: MERGE joins the two records' profiles, NOT_A_MATCH keeps them apart for good.</summary>
    public Task<ReviewItem> ResolveReviewAsync(long itemId, ReviewStatus decision, IReadOnlyList<ProfileVersion> versions, string actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var item = await db.ReviewItems.SingleOrDefaultAsync(r => r.Id == itemId, cancellationToken)
                ?? throw new StewardException(StewardException.NotFound, $"No review item {itemId}.");
            if (item.Status != ReviewStatus.Open)
            {
                throw new StewardException(StewardException.InvalidState, $"Review item {itemId} was already resolved ({item.Status}) by {item.ResolvedBy} at {item.ResolvedAt:O}.");
            }

            var (a, b) = await MembershipsAsync(db, item.RecordA, item.RecordB, cancellationToken);
            if (decision == ReviewStatus.Merged && a.ProfileId != b.ProfileId)
            {
                var loaded = new List<GoldenProfile>();
                foreach (var id in new[] { a.ProfileId, b.ProfileId }.Order())
                {
                    var version = versions.FirstOrDefault(v => v.Id == id)
                        ?? throw new StewardException(StewardException.StaleVersion, $"Merging needs the version you saw of profile {id}: pass it in versions.", new Dictionary<string, object?> { ["profileId"] = id });
                    loaded.Add(await EditableAsync(db, version, cancellationToken));
                }

                await MergeLoadedAsync(db, loaded, (item.RecordA, item.RecordB), actor, cancellationToken);
            }
            else if (decision == ReviewStatus.NotAMatch)
            {
                var version = versions.FirstOrDefault(v => v.Id == a.ProfileId)?.Version;
                await MarkNotDuplicateAsync(db, a, b, version, actor, cancellationToken);
            }

            // Merging or marking may have resolved the item already (it is the pair's open item).
            if (item.Status == ReviewStatus.Open)
            {
                item.Resolve(decision, actor, clock.GetUtcNow());
            }

            Audit(db, actor, decision == ReviewStatus.Merged ? "review_merge" : "review_not_a_match", "review_item", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { status = "open" }, new { status = decision.ToString() });
            await db.SaveChangesAsync(cancellationToken);
            return item;
        }, cancellationToken);

    /// <summary>Pins an attribute's value: it wins survivorship in every later run until unpinned.</summary>
    public Task<GoldenProfile> PinAsync(ProfileVersion target, string attribute, string value, string actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var name = KnownAttribute(attribute);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new StewardException(StewardException.InvalidState, "A pinned value cannot be empty: unpin the attribute instead.");
            }

            var profile = await EditableAsync(db, target, cancellationToken);
            var before = Survivor(profile, name);
            foreach (var pin in await ActivePinsAsync(db, profile.Id, name, cancellationToken))
            {
                pin.Revoke(clock.GetUtcNow());
            }

            db.StewardConstraints.Add(StewardConstraint.Pin(profile.Id, name, value.Trim(), actor, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await StoredSurvivorship.RecomputeAsync(db, [profile], Policy, clock.GetUtcNow(), cancellationToken);
            Audit(db, actor, "pin", "profile", profile.Id.ToString(), new { attribute = name, value = before }, new { attribute = name, value = value.Trim() });
            await db.SaveChangesAsync(cancellationToken);
            return profile;
        }, cancellationToken);

    /// <summary>Takes a pin back: survivorship rules decide the attribute again.</summary>
    public Task<GoldenProfile> UnpinAsync(ProfileVersion target, string attribute, string actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var name = KnownAttribute(attribute);
            var profile = await EditableAsync(db, target, cancellationToken);
            var pins = await ActivePinsAsync(db, profile.Id, name, cancellationToken);
            if (pins.Count == 0)
            {
                throw new StewardException(StewardException.InvalidState, $"{name} is not pinned on profile {profile.Id}.");
            }

            var before = Survivor(profile, name);
            foreach (var pin in pins)
            {
                pin.Revoke(clock.GetUtcNow());
            }

            await db.SaveChangesAsync(cancellationToken);
            await StoredSurvivorship.RecomputeAsync(db, [profile], Policy, clock.GetUtcNow(), cancellationToken);
            Audit(db, actor, "unpin", "profile", profile.Id.ToString(), new { attribute = name, value = before, pinned = true }, new { attribute = name, value = Survivor(profile, name), pinned = false });
            await db.SaveChangesAsync(cancellationToken);
            return profile;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a transaction; a version that changed under it is STALE_VERSION.</summary>
    internal async Task<T> InTransactionAsync<T>(Func<ProfileHubDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, cancellationToken);
        try
        {
            var result = await work(db);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new StewardException(StewardException.StaleVersion, "The profile was changed by someone else while this edit ran: reload it and try again.", new Dictionary<string, object?> { ["cause"] = e.Entries.Count > 0 ? e.Entries[0].Metadata.ClrType.Name : null });
        }
    }

    /// <summary>
    /// An edit's transaction. Any failure rolls all of it back, so the savepoint EF Core sets around each
    /// SaveChanges inside a transaction would only cost two round trips per save.
    /// </summary>
    private static Task<IDbContextTransaction> BeginAsync(ProfileHubDbContext db, CancellationToken cancellationToken)
    {
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>An active profile, tracked with its attributes, at the version the steward saw.</summary>
    internal static async Task<GoldenProfile> EditableAsync(ProfileHubDbContext db, ProfileVersion expected, CancellationToken cancellationToken)
    {
        // A no-op write takes the profile's row lock (PostgreSQL) or the database write lock (SQLite) first, so a
        // concurrent edit of the same profile waits here, then reads the version the first one committed and is
        // refused cleanly, instead of both rewriting the attribute rows and colliding on their unique index.
        await db.Profiles.Where(p => p.Id == expected.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version), cancellationToken);
        var profile = await db.Profiles.Include(p => p.Attributes).SingleOrDefaultAsync(p => p.Id == expected.Id, cancellationToken)
            ?? throw new StewardException(StewardException.NotFound, $"No profile {expected.Id}.", new Dictionary<string, object?> { ["profileId"] = expected.Id });
        switch (profile.Status)
        {
            case ProfileStatus.Erased:
                throw new StewardException(StewardException.AlreadyErased, $"Profile {profile.Id} is erased.", new Dictionary<string, object?> { ["profileId"] = profile.Id });
            case ProfileStatus.Merged:
                throw new StewardException(StewardException.InvalidState, $"Profile {profile.Id} was merged into {profile.MergedIntoId}: edit that profile.", new Dictionary<string, object?> { ["profileId"] = profile.Id, ["mergedInto"] = profile.MergedIntoId });
        }

        if (profile.Version != expected.Version)
        {
            throw new StewardException(
                StewardException.StaleVersion,
                $"Profile {profile.Id} is at version {profile.Version}, not {expected.Version}: someone changed it since you loaded it. Reload it and decide again.",
                new Dictionary<string, object?> { ["profileId"] = profile.Id, ["expectedVersion"] = expected.Version, ["currentVersion"] = profile.Version });
        }

        return profile;
    }

    internal void Audit(ProfileHubDbContext db, string actor, string action, string entityType, string entityId, object? before, object? after) =>
        db.AuditEvents.Add(new AuditEvent(
            actor, action, entityType, entityId,
            before is null ? null : JsonSerializer.Serialize(before, ExplanationJson.Options),
            after is null ? null : JsonSerializer.Serialize(after, ExplanationJson.Options),
            clock.GetUtcNow()));

    /// <summary>
    /// The not-a-match decision on two records' memberships, read by the caller. What it adds is saved with the
    /// caller's next save (a decision's writes go to the database together), except a split, which saves as it goes.
    /// </summary>
    private async Task<NotDuplicateOutcome> MarkNotDuplicateAsync(ProfileHubDbContext db, ProfileMembership a, ProfileMembership b, int? profileVersion, string actor, CancellationToken cancellationToken)
    {
        var (recordA, recordB) = (a.RecordId, b.RecordId);
        var (low, high) = (Math.Min(recordA, recordB), Math.Max(recordA, recordB));
        var pairConstraints = await db.StewardConstraints
            .Where(c => c.RecordA == low && c.RecordB == high && c.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var mustLink in pairConstraints.Where(c => c.Kind == ConstraintKind.MustLink))
        {
            mustLink.Revoke(clock.GetUtcNow());
        }

        GoldenProfile? created = null;
        if (a.ProfileId == b.ProfileId)
        {
            var version = profileVersion ?? throw new StewardException(
                StewardException.StaleVersion,
                $"Records {recordA} and {recordB} share profile {a.ProfileId}: pass the profile version you saw, as {recordB} will move out into its own profile.",
                new Dictionary<string, object?> { ["profileId"] = a.ProfileId });
            var profile = await EditableAsync(db, new ProfileVersion(a.ProfileId, version), cancellationToken);
            created = await MoveOutAsync(db, profile, b, [recordA], actor, "not_a_match", cancellationToken);
        }
        else if (!pairConstraints.Any(c => c.Kind == ConstraintKind.CannotLink))
        {
            db.StewardConstraints.Add(StewardConstraint.CannotLink(recordA, recordB, actor, clock.GetUtcNow()));
            await ResolveOpenReviewsAsync(db, [recordA], [recordB], ReviewStatus.NotAMatch, actor, cancellationToken);
            Audit(db, actor, "not_a_match", "record", recordA.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new { recordA, recordB });
        }

        return new NotDuplicateOutcome(a.ProfileId, created?.Id ?? b.ProfileId, created is not null);
    }

    /// <summary>
    /// Moves <paramref name="moving"/> out of <paramref name="profile"/> into a new profile, with a cannot-link
    /// to each of <paramref name="apartFrom"/> (and must-links between them revoked), then recomputes both.
    /// </summary>
    private async Task<GoldenProfile> MoveOutAsync(
        ProfileHubDbContext db, GoldenProfile profile, ProfileMembership moving, IReadOnlyList<long> apartFrom, string actor, string action, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var versionBefore = profile.Version;
        var members = await db.Memberships.Where(m => m.ProfileId == profile.Id).OrderBy(m => m.RecordId).Select(m => m.RecordId).ToListAsync(cancellationToken);
        var created = GoldenProfile.Create(clock);
        db.Profiles.Add(created);
        moving.MoveTo(created.Id, null, null, LinkOrigin.Steward, now);

        var record = moving.RecordId;
        var existing = await db.StewardConstraints
            .Where(c => c.RevokedAt == null && (c.RecordA == record || c.RecordB == record))
            .ToListAsync(cancellationToken);
        foreach (var other in apartFrom)
        {
            var pair = existing.Where(c => (c.RecordA == record && c.RecordB == other) || (c.RecordB == record && c.RecordA == other)).ToList();
            foreach (var mustLink in pair.Where(c => c.Kind == ConstraintKind.MustLink))
            {
                mustLink.Revoke(now);
            }

            if (!pair.Any(c => c.Kind == ConstraintKind.CannotLink))
            {
                db.StewardConstraints.Add(StewardConstraint.CannotLink(record, other, actor, now));
            }
        }

        await ResolveOpenReviewsAsync(db, [record], apartFrom, ReviewStatus.NotAMatch, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await StoredSurvivorship.RecomputeAsync(db, [profile, created], Policy, now, cancellationToken);
        Audit(db, actor, action, "profile", profile.Id.ToString(),
            new { version = versionBefore, members },
            new { version = profile.Version, members = members.Where(r => r != record), movedRecord = record, newProfile = created.Id });
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>Merges loaded, version-checked profiles into the oldest; <paramref name="link"/> is the pair a review decided on.</summary>
    private async Task<GoldenProfile> MergeLoadedAsync(ProfileHubDbContext db, List<GoldenProfile> profiles, (long A, long B)? link, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var survivor = profiles.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).First();
        var ids = profiles.Select(p => p.Id).ToList();
        var memberships = await db.Memberships.WhereIn(m => m.ProfileId, ids).OrderBy(m => m.RecordId).ToListAsync(cancellationToken);
        var records = memberships.Select(m => m.RecordId).ToList();
        var profileOf = memberships.ToDictionary(m => m.RecordId, m => m.ProfileId);
        var apart = await db.StewardConstraints
            .Where(c => c.Kind == ConstraintKind.CannotLink && c.RevokedAt == null)
            .WhereIn(c => c.RecordA!.Value, records)
            .WhereIn(c => c.RecordB!.Value, records)
            .ToListAsync(cancellationToken);
        if (apart.FirstOrDefault(c => profileOf[c.RecordA!.Value] != profileOf[c.RecordB!.Value]) is { } conflict)
        {
            throw new StewardException(
                StewardException.ConstraintConflict,
                $"{conflict.Actor} marked records {conflict.RecordA} and {conflict.RecordB} as different people on {conflict.CreatedAt:yyyy-MM-dd}: these profiles cannot be merged while that decision stands.",
                new Dictionary<string, object?> { ["recordA"] = conflict.RecordA, ["recordB"] = conflict.RecordB });
        }

        var before = profiles.Select(p => new { id = p.Id, version = p.Version, members = memberships.Where(m => m.ProfileId == p.Id).Select(m => m.RecordId) }).ToList();
        var anchor = memberships.First(m => m.ProfileId == survivor.Id).RecordId;
        foreach (var merged in profiles.Where(p => p != survivor))
        {
            var first = memberships.First(m => m.ProfileId == merged.Id).RecordId;
            // A review's decision ties the reviewed pair (a review merges exactly two profiles); a merge of profiles ties their first records.
            var (a, b) = link ?? (anchor, first);
            db.StewardConstraints.Add(StewardConstraint.MustLink(a, b, actor, now));
            foreach (var membership in memberships.Where(m => m.ProfileId == merged.Id))
            {
                membership.MoveTo(survivor.Id, membership.Score, membership.Explanation, LinkOrigin.Steward, now);
            }

            merged.MergeInto(survivor, now);
            Audit(db, actor, "merged_into", "profile", merged.Id.ToString(), new { status = "active" }, new { status = "merged", mergedInto = survivor.Id });
        }

        await ResolveOpenReviewsAsync(db, records, records, ReviewStatus.Merged, actor, cancellationToken);
        await StoredSurvivorship.MovePinsAsync(db, profiles.Where(p => p != survivor).ToDictionary(p => p.Id, _ => survivor.Id), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await StoredSurvivorship.RecomputeAsync(db, [survivor], Policy, now, cancellationToken);
        Audit(db, actor, "merge", "profile", survivor.Id.ToString(), new { profiles = before }, new { version = survivor.Version, members = records });
        await db.SaveChangesAsync(cancellationToken);
        return survivor;
    }

    private async Task ResolveOpenReviewsAsync(ProfileHubDbContext db, IReadOnlyList<long> left, IReadOnlyList<long> right, ReviewStatus decision, string actor, CancellationToken cancellationToken)
    {
        // The open items among these records (one list parameter per column), then, here, those across the two sides.
        var (leftSet, rightSet) = (left.ToHashSet(), right.ToHashSet());
        var either = leftSet.Union(rightSet).ToList();
        var among = await db.ReviewItems
            .Where(i => i.Status == ReviewStatus.Open)
            .WhereIn(i => i.RecordA, either)
            .WhereIn(i => i.RecordB, either)
            .ToListAsync(cancellationToken);
        foreach (var item in among.Where(i => (leftSet.Contains(i.RecordA) && rightSet.Contains(i.RecordB)) || (rightSet.Contains(i.RecordA) && leftSet.Contains(i.RecordB))))
        {
            item.Resolve(decision, actor, clock.GetUtcNow());
        }
    }

    private static async Task<ProfileMembership> MembershipAsync(ProfileHubDbContext db, long record, CancellationToken cancellationToken) =>
        await db.Memberships.SingleOrDefaultAsync(m => m.RecordId == record, cancellationToken) ?? throw NotMatched(record);

    /// <summary>Two records' memberships in one round trip (a decision reads both).</summary>
    private static async Task<(ProfileMembership A, ProfileMembership B)> MembershipsAsync(ProfileHubDbContext db, long recordA, long recordB, CancellationToken cancellationToken)
    {
        var found = await db.Memberships.Where(m => m.RecordId == recordA || m.RecordId == recordB).ToDictionaryAsync(m => m.RecordId, cancellationToken);
        return (found.GetValueOrDefault(recordA) ?? throw NotMatched(recordA), found.GetValueOrDefault(recordB) ?? throw NotMatched(recordB));
    }

    private static StewardException NotMatched(long record) =>
        new(StewardException.NotFound, $"Record {record} does not exist or has not been matched into a profile yet.", new Dictionary<string, object?> { ["recordId"] = record });

    private static Task<List<StewardConstraint>> ActivePinsAsync(ProfileHubDbContext db, Guid profile, string attribute, CancellationToken cancellationToken) =>
        db.StewardConstraints.Where(c => c.Kind == ConstraintKind.PinnedValue && c.ProfileId == profile && c.Attribute == attribute && c.RevokedAt == null).ToListAsync(cancellationToken);

    private static string? Survivor(GoldenProfile profile, string attribute) =>
        profile.Attributes.FirstOrDefault(a => a.Name == attribute && a.Ordinal == 0)?.Value;

    private static string KnownAttribute(string attribute) =>
        AttributeNames.All.FirstOrDefault(a => string.Equals(a, attribute.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new StewardException(StewardException.InvalidState, $"Unknown attribute '{attribute}': use one of {string.Join(", ", AttributeNames.All)}.");
}

/// <summary>A split: the profile the record left and the new profile it now founds.</summary>
internal sealed record SplitOutcome(GoldenProfile From, GoldenProfile To);

/// <summary>A merge worked out and rolled back: the profile that would survive, those it would absorb, and its values after the merge.</summary>
internal sealed record MergePreview(Guid SurvivorId, IReadOnlyList<Guid> Absorbed, IReadOnlyList<ProfileAttributeValue> Attributes, int Records);

/// <summary>A not-a-match decision: the two records' profiles now, and whether the second had to move out.</summary>
internal sealed record NotDuplicateOutcome(Guid ProfileA, Guid ProfileB, bool Split);
