using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;
using ProfileHub.Core.Touchpoints;
using ProfileHub.GraphQL.DataLoader;
using ProfileHub.GraphQL.Execution;
using ProfileHub.Server.Api.Querying;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Profiles;

/// <summary>
/// The request's data loaders over the profile store: every field below a list of profiles asks for its key,
/// and each loader fetches all keys of one execution level in one SQL command (so a page of 100 profiles with
/// their records and touchpoints costs a fixed handful of round trips, not hundreds). Each fetch uses its own
/// short-lived DbContext: loaders run concurrently and a DbContext serves one command at a time.
/// </summary>
internal static class ProfileLoaders
{
    public static Task<GoldenProfile?> Profile(ResolveContext context, Guid id) => ProfileLoader(context).LoadAsync(id);

    private static BatchLoader<Guid, GoldenProfile> ProfileLoader(ResolveContext context) =>
        context.DataLoaders.Batch<Guid, GoldenProfile>("profile", (ids, ct) => Fetch(context, async db =>
            (IReadOnlyDictionary<Guid, GoldenProfile>)await db.Profiles.AsNoTracking().WhereIn(p => p.Id, ids).ToDictionaryAsync(p => p.Id, ct)));

    public static Task<IReadOnlyList<ProfileAttributeValue>> Attributes(ResolveContext context, Guid profile) =>
        AttributeLoader(context).LoadAsync(profile);

    /// <summary>Hands a profile read with its attributes (one command instead of two) to the attributes loader.</summary>
    public static void PrimeAttributes(ResolveContext context, GoldenProfile profile) =>
        AttributeLoader(context).Prime(profile.Id, InAttributeOrder(profile.Attributes));

    private static GroupLoader<Guid, ProfileAttributeValue> AttributeLoader(ResolveContext context) =>
        context.DataLoaders.Group<Guid, ProfileAttributeValue>("attributes", (ids, ct) => Fetch(context, async db =>
            (await db.ProfileAttributes.AsNoTracking().WhereIn(a => a.ProfileId, ids).ToListAsync(ct))
                .GroupBy(a => a.ProfileId).SelectMany(InAttributeOrder).ToLookup(a => a.ProfileId)));

    /// <summary>By name, then ordinal (the survivor, then the other values of a multi-valued attribute).</summary>
    internal static List<ProfileAttributeValue> InAttributeOrder(IEnumerable<ProfileAttributeValue> attributes) =>
        [.. attributes.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Ordinal)];

    public static Task<IReadOnlyList<RecordView>> Records(ResolveContext context, Guid profile) =>
        context.DataLoaders.Group<Guid, RecordView>("records", (ids, ct) => Fetch(context, async db =>
            (await RecordViews(db, db.Memberships.WhereIn(m => m.ProfileId, ids).Select(m => m.RecordId)).ToListAsync(ct))
                .ToLookup(r => r.ProfileId!.Value)))
        .LoadAsync(profile);

    public static Task<RecordView?> Record(ResolveContext context, long record) => RecordLoader(context).LoadAsync(record);

    private static BatchLoader<long, RecordView> RecordLoader(ResolveContext context) =>
        context.DataLoaders.Batch<long, RecordView>("record", (ids, ct) => Fetch(context, async db =>
            (IReadOnlyDictionary<long, RecordView>)await RecordViews(db, db.SourceRecords.WhereIn(r => r.Id, ids).Select(r => r.Id)).ToDictionaryAsync(r => r.Id, ct)));

    /// <summary>
    /// Reads these records and the profiles they belong to side by side (two commands at once, where the loaders
    /// would read the records, then their profiles a level later) and hands both to the record and profile
    /// loaders: for a page that shows records with their profiles, as the review queue does.
    /// </summary>
    public static async Task PrimeRecordsAndProfilesAsync(ResolveContext context, IReadOnlyList<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var records = Fetch(context, db => RecordViews(db, db.SourceRecords.WhereIn(r => r.Id, ids).Select(r => r.Id)).ToListAsync(context.CancellationToken));
        var profiles = Fetch(context, db =>
        {
            var theirs = db.Memberships.WhereIn(m => m.RecordId, ids).Select(m => m.ProfileId);
            return db.Profiles.AsNoTracking().Where(p => theirs.Contains(p.Id)).ToListAsync(context.CancellationToken);
        });
        foreach (var record in await records)
        {
            RecordLoader(context).Prime(record.Id, record);
        }

        foreach (var profile in await profiles)
        {
            ProfileLoader(context).Prime(profile.Id, profile);
        }
    }

    public static Task<IReadOnlyList<ProfileMembership>> Links(ResolveContext context, Guid profile) =>
        context.DataLoaders.Group<Guid, ProfileMembership>("links", (ids, ct) => Fetch(context, async db =>
            (await db.Memberships.AsNoTracking().WhereIn(m => m.ProfileId, ids).OrderBy(m => m.RecordId).ToListAsync(ct)).ToLookup(m => m.ProfileId)))
        .LoadAsync(profile);

    public static Task<IReadOnlyList<IdentifierView>> Identifiers(ResolveContext context, Guid profile) =>
        context.DataLoaders.Group<Guid, IdentifierView>("identifiers", (ids, ct) => Fetch(context, async db =>
            (await (from m in db.Memberships.WhereIn(m => m.ProfileId, ids)
                    join i in db.RecordIdentifiers on m.RecordId equals i.RecordId
                    join r in db.SourceRecords on i.RecordId equals r.Id
                    join c in db.Connectors on r.ConnectorId equals c.Id
                    orderby i.Kind, i.NormalizedValue, i.Id
                    select new IdentifierView(m.ProfileId, i.RecordId, c.Name, i.Kind, i.Value, i.NormalizedValue)).ToListAsync(ct))
                .ToLookup(i => i.ProfileId)))
        .LoadAsync(profile);

    public static Task<IReadOnlyList<ConsentView>> Consents(ResolveContext context, Guid profile) =>
        context.DataLoaders.Group<Guid, ConsentView>("consents", (ids, ct) => Fetch(context, async db =>
            (await (from m in db.Memberships.WhereIn(m => m.ProfileId, ids)
                    join s in db.Consents on m.RecordId equals s.RecordId
                    join r in db.SourceRecords on s.RecordId equals r.Id
                    join c in db.Connectors on r.ConnectorId equals c.Id
                    orderby s.ObservedAt, s.Id
                    select new ConsentView(m.ProfileId, s.RecordId, c.Name, s.Channel, s.ContactPoint, s.Status, s.Scope, s.ObservedAt)).ToListAsync(ct))
                .ToLookup(s => s.ProfileId)))
        .LoadAsync(profile);

    /// <summary>Every touchpoint of a profile (for its journey summary).</summary>
    public static Task<IReadOnlyList<TouchpointView>> Journey(ResolveContext context, Guid profile) =>
        context.DataLoaders.Group<Guid, TouchpointView>("journey", (ids, ct) => Fetch(context, async db =>
            (await TouchpointViews(db, ids).ToListAsync(ct)).ToLookup(t => t.ProfileId)))
        .LoadAsync(profile);

    /// <summary>
    /// One page of each profile's touchpoints under the same filter, order and cursor (the arguments of one
    /// field in one selection, hence one loader per argument set): a correlated subquery with LIMIT per
    /// profile, so a profile with a million events costs what one with ten does.
    /// </summary>
    public static Task<IReadOnlyList<TouchpointView>> TouchpointPage(
        ResolveContext context, Guid profile, string signature, Expression<Func<Touchpoint, bool>> where, Keyset<Touchpoint> keyset, bool reverse, int take) =>
        context.DataLoaders.Group<Guid, TouchpointView>("touchpoints:" + signature, (ids, ct) => Fetch(context, async db =>
        {
            var page = PerProfile(db, ids, where, keyset, reverse, take);
            var rows = await db.Profiles.AsNoTracking().WhereIn(p => p.Id, ids).Select(page).ToListAsync(ct);
            return rows.SelectMany(r => r.Touchpoints.Select(t => new TouchpointView(r.ProfileId, t.Source, t.Touchpoint))).ToLookup(t => t.ProfileId);
        }))
        .LoadAsync(profile);

    /// <summary>How many touchpoints of each profile pass one filter (a connection's totalCount).</summary>
    public static async Task<int> TouchpointCount(ResolveContext context, Guid profile, string signature, Expression<Func<Touchpoint, bool>> filter) =>
        await context.DataLoaders.Batch<Guid, int>("touchpointCount:" + signature, (ids, ct) => Fetch(context, async db =>
            (IReadOnlyDictionary<Guid, int>)await (from m in db.Memberships.WhereIn(m => m.ProfileId, ids)
                                                    join t in db.Touchpoints.Where(filter) on (long?)m.RecordId equals t.SourceRecordId
                                                    group t by m.ProfileId into g
                                                    select new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)))
        .LoadAsync(profile);

    public static Task<IReadOnlyList<AuditEvent>> History(ResolveContext context, Guid profile) =>
        context.DataLoaders.Group<Guid, AuditEvent>("history", (ids, ct) => Fetch(context, async db =>
        {
            var keys = ids.Select(id => id.ToString());
            return (await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "profile").WhereIn(e => e.EntityId, keys).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ToListAsync(ct))
                .ToLookup(e => Guid.Parse(e.EntityId));
        }))
        .LoadAsync(profile);

    public static async Task<T> Fetch<T>(ResolveContext context, Func<ProfileHubDbContext, Task<T>> query)
    {
        await using var db = await context.Services.Get<IDbContextFactory<ProfileHubDbContext>>().CreateDbContextAsync(context.CancellationToken);
        return await query(db);
    }

    private static IQueryable<RecordView> RecordViews(ProfileHubDbContext db, IQueryable<long> recordIds) =>
        from r in db.SourceRecords.Where(r => recordIds.Contains(r.Id))
        join c in db.Connectors on r.ConnectorId equals c.Id
        from m in db.Memberships.Where(m => m.RecordId == r.Id).DefaultIfEmpty()
        orderby r.Id
        select new RecordView(
            r.Id, m == null ? null : m.ProfileId, c.Name, r.SourceKey, r.FirstName, r.LastName, r.FullName,
            r.Address.StreetNumber, r.Address.Street, r.Address.AddressLine2, r.Address.City, r.Address.Region, r.Address.PostalCode, r.Address.Country,
            r.BirthDate, r.BirthDateRaw, r.Gender, r.ObservedAt, r.IngestedAt);

    private static IQueryable<TouchpointView> TouchpointViews(ProfileHubDbContext db, IReadOnlyList<Guid> profiles) =>
        from m in db.Memberships.WhereIn(m => m.ProfileId, profiles)
        join t in db.Touchpoints on (long?)m.RecordId equals t.SourceRecordId
        join c in db.Connectors on t.ConnectorId equals c.Id
        select new TouchpointView(m.ProfileId, c.Name, t);

    /// <summary>
    /// <c>p => new ProfileTouchpoints(p.Id, [the profile's touchpoints, filtered, ordered, limited])</c>. EF turns
    /// the per-profile LIMIT into ROW_NUMBER() OVER (PARTITION BY profile_id) over a subquery joined on profile_id;
    /// the redundant filter on the page's profile ids keeps that subquery to the page's memberships (an index scan), where
    /// without it the window numbered every touchpoint in the store (seconds per page at 1,000,000 profiles).
    /// </summary>
    private static Expression<Func<GoldenProfile, ProfileTouchpoints>> PerProfile(
        ProfileHubDbContext db, IReadOnlyList<Guid> ids, Expression<Func<Touchpoint, bool>> where, Keyset<Touchpoint> keyset, bool reverse, int take)
    {
        var pageMemberships = db.Memberships.WhereIn(m => m.ProfileId, ids);
        Expression<Func<GoldenProfile, IQueryable<Touchpoint>>> all = p => pageMemberships
            .Where(m => m.ProfileId == p.Id)
            .Join(db.Touchpoints, m => (long?)m.RecordId, t => t.SourceRecordId, (m, t) => t);
        Expression page = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Touchpoint)], all.Body, Expression.Quote(where));
        page = keyset.Order(page, reverse);
        page = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Touchpoint)], page, Expression.Constant(take));

        // The connector's name in the same command (a scalar subquery), not in a round trip of its own.
        Expression<Func<Touchpoint, SourcedTouchpoint>> named = t => new SourcedTouchpoint(t, db.Connectors.Where(c => c.Id == t.ConnectorId).Select(c => c.Name).First());
        page = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Touchpoint), typeof(SourcedTouchpoint)], page, Expression.Quote(named));
        var list = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(SourcedTouchpoint)], page);
        var body = Expression.New(
            typeof(ProfileTouchpoints).GetConstructors()[0],
            [Expression.Property(all.Parameters[0], nameof(GoldenProfile.Id)), list],
            typeof(ProfileTouchpoints).GetProperty(nameof(ProfileTouchpoints.ProfileId))!,
            typeof(ProfileTouchpoints).GetProperty(nameof(ProfileTouchpoints.Touchpoints))!);
        return Expression.Lambda<Func<GoldenProfile, ProfileTouchpoints>>(body, all.Parameters[0]);
    }

    private sealed record ProfileTouchpoints(Guid ProfileId, List<SourcedTouchpoint> Touchpoints);

    private sealed record SourcedTouchpoint(Touchpoint Touchpoint, string Source);
}
