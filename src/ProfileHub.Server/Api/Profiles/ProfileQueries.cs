using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Querying;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Profiles;

/// <summary>The marketing root fields: one profile by id or identifier, nodes, the filtered list and search.</summary>
internal static class ProfileQueries
{
    public static void AddFields(ObjectTypeBuilder query) => query
        .Field("profile", "Profile", f => f
            .Description("A profile by id. The id of a profile merged into another resolves to the survivor; an erased profile comes back with status ERASED and no data.")
            .Argument("id", "ID!")
            .Authorize(FieldAccess.Requires(Capability.ReadProfiles))
            .ResolveWith(async c => await Survivor(c, NodeIds.ParseProfile(c.Argument<string>("id")))))
        .Field("profileByIdentifier", "Profile", f => f
            .Description("The profile holding an identifier, normalized as ingestion normalizes it. When several profiles hold it (a shared household phone), the one with the most records carrying it wins, then the oldest.")
            .Argument("kind", "IdentifierKind!")
            .Argument("value", "String!")
            .Authorize(FieldAccess.Requires(Capability.ReadProfiles))
            .ResolveWith(async c => await ByIdentifier(c, c.Argument<IdentifierKind>("kind"), c.Argument<string>("value"))))
        .Field("node", "Node", f => f
            .Description("Any object by its global id.")
            .Argument("id", "ID!")
            .Authorize(FieldAccess.Requires(Capability.ReadProfiles))
            .ResolveWith(async c => await Node(c, c.Argument<string>("id"))))
        .Field("nodes", "[Node]!", f => f
            .Description("Several objects by their global ids, in the order asked (null for an unknown id).")
            .Argument("ids", "[ID!]!")
            .Authorize(FieldAccess.Requires(Capability.ReadProfiles))
            .ResolveWith(async c =>
            {
                var ids = c.Argument<List<string>>("ids");
                if (ids.Count > KeysetPage.MaxPageSize)
                {
                    throw new GraphQLException($"nodes takes at most {KeysetPage.MaxPageSize} ids.", ErrorCodes.BadUserInput);
                }

                return await Task.WhenAll(ids.Select(id => Node(c, id)));
            }))
        .ConnectionField("profiles", "Profile", f => f
            .Description("Active profiles, filtered and ordered, with keyset cursors (deep pages cost what the first does).")
            .Argument("where", "ProfileFilterInput")
            .Argument("order", "[ProfileSortInput!]")
            .Authorize(FieldAccess.Requires(Capability.ReadProfiles))
            .ResolveWith(async c => await ProfilesAsync(c)))
        .Field("searchProfiles", "[ProfileMatch!]!", f => f
            .Description("Fuzzy search by name, email or phone, best match first.")
            .Argument("query", "String!")
            .Argument("first", "Int", 10)
            .Authorize(FieldAccess.Requires(Capability.ReadProfiles))
            .ResolveWith(async c => await ProfileSearch.SearchAsync(c, c.Argument<string>("query"), c.Argument<int>("first"))));

    public static void Declare(SchemaBuilder schema)
    {
        ProfileListing.Declare(schema);
        schema.Connection("Profile")
            .Object<ProfileSearchMatch>("ProfileMatch", o => o
                .AuthorizeFields(FieldAccess.NotPersonal)
                .Field("score", "Int!", f => f.Description("0 to 100: how closely the profile matches the query."))
                .Field("profile", "Profile!"));
    }

    /// <summary>The profile with this id, or the one it was merged into (following a chain of merges).</summary>
    public static async Task<GoldenProfile?> Survivor(ResolveContext context, Guid id)
    {
        var profile = await ProfileLoaders.Profile(context, id);
        for (var hops = 0; profile is { Status: ProfileStatus.Merged, MergedIntoId: { } into } && hops < 32; hops++)
        {
            profile = await ProfileLoaders.Profile(context, into);
        }

        return profile;
    }

    private static async Task<object?> Node(ResolveContext context, string id) =>
        id.StartsWith(NodeIds.RecordPrefix, StringComparison.Ordinal) ? await ProfileLoaders.Record(context, NodeIds.ParseRecord(id, "id"))
        : id.StartsWith(NodeIds.ReviewPrefix, StringComparison.Ordinal) ? await Stewardship.ReviewLoaders.Item(context, NodeIds.ParseReview(id))
        : await Survivor(context, NodeIds.ParseProfile(id));

    /// <summary>
    /// The profile holding an identifier, with its attributes, in the same command as the lookup (one round trip,
    /// not two: nearly every lookup asks for attributes or their lineage, a dozen rows). Compiled once: the
    /// API's hottest query skips EF's per-call expression work (a fifth of the server's CPU under load).
    /// </summary>
    private static readonly Func<ProfileHubDbContext, IdentifierKind, string, CancellationToken, Task<GoldenProfile?>> HolderWithAttributes =
        EF.CompileAsyncQuery((ProfileHubDbContext db, IdentifierKind kind, string normalized, CancellationToken _) =>
            db.Profiles.AsNoTracking().Include(profile => profile.Attributes).FirstOrDefault(profile => profile.Id ==
                (from i in db.RecordIdentifiers
                 where i.Kind == kind && i.NormalizedValue == normalized
                 join m in db.Memberships on i.RecordId equals m.RecordId
                 join p in db.Profiles on m.ProfileId equals p.Id
                 group p by new { p.Id, p.CreatedAt } into g
                 orderby g.Count() descending, g.Key.CreatedAt, g.Key.Id
                 select (Guid?)g.Key.Id).FirstOrDefault()));

    private static async Task<GoldenProfile?> ByIdentifier(ResolveContext context, IdentifierKind kind, string value)
    {
        var normalized = IdentifierLookup.Normalize(kind, value);

        var holder = await ProfileLoaders.Fetch(context, db => HolderWithAttributes(db, kind, normalized, context.CancellationToken));
        // Only a merged holder costs more, to follow it to its survivor.
        if (holder is { Status: ProfileStatus.Merged })
        {
            return await Survivor(context, holder.Id);
        }

        if (holder is not null)
        {
            ProfileLoaders.PrimeAttributes(context, holder);
        }

        return holder;
    }

    /// <summary>Active profiles under the field's where/order arguments; <paramref name="conflictsOnly"/> for the conflict queue.</summary>
    public static async Task<Connection<GoldenProfile>> ProfilesAsync(ResolveContext context, bool conflictsOnly = false)
    {
        var arguments = ConnectionArguments.From(context);
        var order = context.Order();
        var where = context.Where();
        var fingerprint = KeysetCursor.Fingerprint(conflictsOnly ? "conflicts" : "profiles", context.Arguments.GetValueOrDefault("where"), order);
        return await KeysetPage.LoadAsync(
            context.Services.Get<IDbContextFactory<ProfileHubDbContext>>(),
            db =>
            {
                var rows = db.Profiles.AsNoTracking().Where(p => p.Status == ProfileStatus.Active);
                if (conflictsOnly)
                {
                    rows = rows.Where(ProfileListing.HasConflicts(db));
                }

                return ProfileListing.Filter(db).Translate(where) is { } predicate ? rows.Where(predicate) : rows;
            },
            ProfileListing.Order(order),
            arguments,
            fingerprint,
            context.CancellationToken);
    }
}

/// <summary>One search hit.</summary>
internal sealed record ProfileSearchMatch(int Score, GoldenProfile Profile);
