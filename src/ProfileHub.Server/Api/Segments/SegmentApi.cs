using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProfileHub.Core.Access;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Sources;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Querying;
using ProfileHub.Server.Segments;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Segments;

/// <summary>
/// Segments and audiences (docs/segments.md): reads need the Audiences capability, changes ManageSegments.
/// A rule that does not validate is an INVALID_RULE error with extensions line, column and token.
/// Audiences page by keyset over profile id, up to <see cref="MaxAudiencePage"/> a page.
/// </summary>
internal static class SegmentApi
{
    public const int MaxAudiencePage = 1000;

    public static void Declare(SchemaBuilder schema) => schema
        .Object<Segment>("Segment", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Description("A named rule over profiles; its members are refreshed on its schedule and by refreshSegment.")
            .Field("name", "String!")
            .Field("rule", "String!", f => f
                .Description("The rule in the segment language (docs/segments.md); to a key that may not read personal data, values compared with a personal attribute read \"…\".")
                .Resolve(c => MayReadPersonalData(c) ? c.Source<Segment>().Rule : RuleRedaction.MaskPersonalValues(c.Source<Segment>().Rule)))
            .Field("description", "String")
            .Field("schedule", "String", f => f.Description("Quartz cron expression of the automatic refresh; null refreshes only on demand."))
            .Field("createdAt", "DateTime!")
            .Field("updatedAt", "DateTime!")
            .Field("lastRefreshedAt", "DateTime")
            .Field("memberCount", "Int!", f => f.Description("Members at the last refresh (before consent and frequency cap).")))
        .Object<SegmentPreview>("SegmentPreview", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Description("A dry run of a rule: nothing is saved.")
            .Field("size", "Int!")
            .Field("sample", "[Profile!]!", f => f.Description("Up to ten of the profiles, in id order.")))
        .Object<SegmentRefreshResult>("SegmentRefresh", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Field("segment", "Segment!")
            .Field("entered", "Int!")
            .Field("exited", "Int!")
            .Field("members", "Int!"))
        .Object<AudienceMember>("AudienceMember", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Description("A current member of a segment who may be contacted on the channel.")
            .Field("profileId", "ID!", f => f.From<AudienceMember>(m => m.ProfileId.ToString()))
            // The activation contract (docs/segments.md): an audience puller reads the contact point of the
            // channel it pulled, where the member consented to be contacted; names need ReadProfiles.
            .Field("email", "String", f => f.Description("On an EMAIL audience the member's consented address (never one that opted out); on ADS the survived primary email. Readable on EMAIL and ADS audiences, or with ReadProfiles.").Authorize(new ContactPointAccess(ConsentChannel.Email, ConsentChannel.Ads)))
            .Field("phone", "String", f => f.Description("On an SMS or PHONE audience the member's consented number; on ADS the survived primary phone. Readable on SMS, PHONE and ADS audiences, or with ReadProfiles.").Authorize(new ContactPointAccess(ConsentChannel.Sms, ConsentChannel.Phone, ConsentChannel.Ads)))
            .Field("givenName", "String", f => f.Description("Needs ReadProfiles.").Authorize(FieldAccess.Personal))
            .Field("familyName", "String", f => f.Description("Needs ReadProfiles.").Authorize(FieldAccess.Personal))
            .Field("enteredAt", "DateTime!"))
        .Enum<AudienceChangeKind>()
        .Object<AudienceChange>("AudienceChange", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Field("profileId", "ID!", f => f.From<AudienceChange>(c => c.ProfileId.ToString()))
            .Field("change", "AudienceChangeKind!")
            .Field("at", "DateTime!"))
        .Connection("AudienceMember")
        .Connection("AudienceChange");

    public static void AddQueryFields(ObjectTypeBuilder query) => query
        .Field("segments", "[Segment!]!", f => f
            .Description("Every segment, by name.")
            .Authorize(FieldAccess.Requires(Capability.Audiences))
            .ResolveWith(async c => await Actions(c).ListAsync(c.CancellationToken)))
        .Field("segment", "Segment", f => f
            .Description("One segment by name (null when there is none).")
            .Argument("name", "String!")
            .Authorize(FieldAccess.Requires(Capability.Audiences))
            .ResolveWith(async c => await Actions(c).FindAsync(c.Argument<string>("name"), c.CancellationToken)))
        .ConnectionField("audience", "AudienceMember", f => f
            .Description("The segment's current members with consent on the channel and under the contact-frequency cap, by profile id (keyset cursors).")
            .Argument("segment", "String!")
            .Argument("channel", "ConsentChannel!")
            .Authorize(FieldAccess.Requires(Capability.Audiences))
            .ResolveWith(async c => await AudienceAsync(c)))
        .ConnectionField("audienceChanges", "AudienceChange", f => f
            .Description("Entries into and exits from the segment at or after since, in time order, for incremental syncs.")
            .Argument("segment", "String!")
            .Argument("since", "DateTime!")
            .Authorize(FieldAccess.Requires(Capability.Audiences))
            .ResolveWith(async c => await ChangesAsync(c)));

    public static void AddMutationFields(ObjectTypeBuilder mutation) => mutation
        .Field("createSegment", "Segment", f => f
            .Description("Saves a new segment after validating its rule (INVALID_RULE with line and column) and schedule; refresh it to fill it.")
            .Argument("name", "String!")
            .Argument("rule", "String!")
            .Argument("description", "String")
            .Argument("schedule", "String")
            .Manage(async (c, a) => await a.CreateAsync(c.Argument<string>("name"), c.Argument<string>("rule"), c.Argument<string?>("description"), c.Argument<string?>("schedule"), MayReadPersonalData(c), c.CancellationToken)))
        .Field("updateSegment", "Segment", f => f
            .Description("Changes the given parts of a segment; its members change at the next refresh.")
            .Argument("name", "String!")
            .Argument("rule", "String")
            .Argument("description", "String")
            .Argument("schedule", "String")
            .Manage(async (c, a) => await a.UpdateAsync(c.Argument<string>("name"), c.Argument<string?>("rule"), c.Argument<string?>("description"), c.Argument<string?>("schedule"), MayReadPersonalData(c), c.CancellationToken)))
        .Field("deleteSegment", "Boolean", f => f
            .Description("Deletes a segment and its membership history; refused (IN_USE) while another segment's rule reads it.")
            .Argument("name", "String!")
            .Manage(async (c, a) => await a.DeleteAsync(c.Argument<string>("name"), c.CancellationToken)))
        .Field("previewSegment", "SegmentPreview", f => f
            .Description("Validates a rule and returns the would-be size and a sample, without saving anything.")
            .Argument("rule", "String!")
            .Manage(async (c, a) => await a.PreviewAsync(c.Argument<string>("rule"), MayReadPersonalData(c), c.CancellationToken)))
        .Field("refreshSegment", "SegmentRefresh", f => f
            .Description("Folds new touchpoints into the traits and refreshes the segment's members now.")
            .Argument("name", "String!")
            .Manage(async (c, a) =>
            {
                var name = c.Argument<string>("name");
                var summary = await a.RefreshAsync(name, c.CancellationToken);
                return new SegmentRefreshResult((await a.FindAsync(name, c.CancellationToken))!, summary.Entered, summary.Exited, summary.Members);
            }));

    private static SegmentActions Actions(ResolveContext context) => context.Services.Get<SegmentActions>();

    /// <summary>Whether the key may filter rules on personal attributes: the ones that may read them (FieldAccess.Personal).</summary>
    private static bool MayReadPersonalData(ResolveContext context) => (ApiAccess.Capabilities(context) & Capability.ReadProfiles) != 0;

    /// <summary>A segment mutation: needs ManageSegments; a SegmentException becomes a coded GraphQL error.</summary>
    private static FieldBuilder Manage(this FieldBuilder field, Func<ResolveContext, SegmentActions, Task<object?>> action) => field
        .Authorize(FieldAccess.Requires(Capability.ManageSegments))
        .ResolveWith(async context =>
        {
            try
            {
                return await action(context, Actions(context));
            }
            catch (SegmentException e)
            {
                throw new GraphQLException(e.Message, e.Code, e.Details);
            }
        });

    private static async Task<Segment> SegmentAsync(ResolveContext context)
    {
        var name = context.Argument<string>("segment");
        return await Actions(context).FindAsync(name, context.CancellationToken)
            ?? throw new GraphQLException($"There is no segment named \"{name}\".", SegmentException.NotFound);
    }

    private static async Task<Connection<AudienceMember>> AudienceAsync(ResolveContext context)
    {
        var segment = await SegmentAsync(context);
        var channel = context.Argument<ConsentChannel>("channel");
        var cap = context.Services.Get<IOptions<FrequencyCap>>().Value;
        var now = context.Services.Get<TimeProvider>().GetUtcNow();
        var keyset = new Keyset<AudienceMember>([KeysetKey<AudienceMember>.Of(m => m.ProfileId, SortDirection.Ascending)]);
        var fingerprint = KeysetCursor.Fingerprint("audience", segment.Id, channel.ToString());
        return await PageAsync(context, db => AudienceQuery.Page(db, segment.Id, channel, cap, now), keyset, fingerprint);
    }

    private static async Task<Connection<AudienceChange>> ChangesAsync(ResolveContext context)
    {
        var segment = await SegmentAsync(context);
        var since = context.Argument<DateTimeOffset>("since").ToUniversalTime();
        var id = segment.Id;
        var keyset = new Keyset<AudienceChange>([
            KeysetKey<AudienceChange>.Of(c => c.At, SortDirection.Ascending),
            KeysetKey<AudienceChange>.Of(c => c.StayId, SortDirection.Ascending),
            KeysetKey<AudienceChange>.Of(c => c.Kind, SortDirection.Ascending)]);
        var fingerprint = KeysetCursor.Fingerprint("audienceChanges", id, since.UtcTicks);
        return await PageAsync(context, db =>
        {
            var entered = db.SegmentMemberships.AsNoTracking().Where(m => m.SegmentId == id && m.EnteredAt >= since)
                .Select(m => new AudienceChange { StayId = m.Id, ProfileId = m.ProfileId, Kind = 0, At = m.EnteredAt });
            var exited = db.SegmentMemberships.AsNoTracking().Where(m => m.SegmentId == id && m.ExitedAt != null && m.ExitedAt >= since)
                .Select(m => new AudienceChange { StayId = m.Id, ProfileId = m.ProfileId, Kind = 1, At = m.ExitedAt!.Value });
            return entered.Concat(exited);
        }, keyset, fingerprint);
    }

    /// <summary>One keyset page of up to <see cref="MaxAudiencePage"/> rows (KeysetPage's reading, with a larger page).</summary>
    private static async Task<Connection<T>> PageAsync<T>(ResolveContext context, Func<ProfileHubDbContext, IQueryable<T>> rows, Keyset<T> keyset, string fingerprint)
    {
        var arguments = ConnectionArguments.From(context);
        var size = KeysetPage.PageSize(arguments, MaxAudiencePage);
        var range = KeysetPage.Range(keyset, arguments, fingerprint);
        var contexts = context.Services.Get<IDbContextFactory<ProfileHubDbContext>>();
        List<T> page;
        await using (var db = await contexts.CreateDbContextAsync(context.CancellationToken))
        {
            var query = range is null ? rows(db) : rows(db).Where(range);
            page = await keyset.Order(query, reverse: KeysetPage.IsBackward(arguments)).Take(size + 1).ToListAsync(context.CancellationToken);
        }

        return KeysetPage.Slice(page, size, arguments, row => KeysetCursor.Encode(fingerprint, keyset.ValuesOf(row)), async token =>
        {
            await using var db = await contexts.CreateDbContextAsync(token);
            return await rows(db).CountAsync(token);
        });
    }

    private sealed record SegmentRefreshResult(Segment Segment, int Entered, int Exited, int Members);
}
