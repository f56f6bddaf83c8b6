using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Core.Stewardship;
using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Profiles;
using ProfileHub.Server.Api.Querying;
using ProfileHub.Server.Matching;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Stewardship;

/// <summary>
/// The steward's queue: pairs that matching scored between the thresholds, both records side by side with
/// the explanation. Open items only unless includeResolved; oldest first unless ordered by score or age.
/// </summary>
internal static class ReviewQueue
{
    private static readonly Dictionary<string, LambdaExpression> SortColumns = new(StringComparer.Ordinal)
    {
        ["score"] = (Expression<Func<ReviewItem, double>>)(r => r.Score),
        ["createdAt"] = (Expression<Func<ReviewItem, DateTimeOffset>>)(r => r.CreatedAt),
    };

    public static void Declare(SchemaBuilder schema) => schema
        .Enum<ReviewStatus>()
        .Object<ReviewItem>("ReviewItem", o => o
            .AuthorizeFields(FieldAccess.Personal)
            .Description("Two records that may be the same person: a steward decides with resolveReviewItem.")
            .Implements("Node")
            // The queue's bookkeeping is not personal; the two records and their explanation (which quotes their values) are.
            .Field("id", "ID!", f => f.Authorize(FieldAccess.NotPersonal).From<ReviewItem>(r => NodeIds.Review(r.Id)))
            .Field("status", "ReviewStatus!", f => f.Authorize(FieldAccess.NotPersonal))
            .Field("score", "Float!", f => f.Description("The match weight (log2 Bayes factor) between the thresholds.").Authorize(FieldAccess.NotPersonal))
            .Field("createdAt", "DateTime!", f => f.Authorize(FieldAccess.NotPersonal))
            .Field("resolvedAt", "DateTime", f => f.Authorize(FieldAccess.NotPersonal))
            .Field("resolvedBy", "String", f => f.Authorize(FieldAccess.NotPersonal))
            .Field("recordA", "SourceRecord!", f => f.ResolveWith(async c => await ProfileLoaders.Record(c, c.Source<ReviewItem>().RecordA)))
            .Field("recordB", "SourceRecord!", f => f.ResolveWith(async c => await ProfileLoaders.Record(c, c.Source<ReviewItem>().RecordB)))
            .Field("explanation", "MatchExplanation!", f => f.From<ReviewItem>(r => ExplanationJson.Read(r.Explanation))))
        .FilterInput("ReviewItem", f => f
            .Enum("status", "ReviewStatus").Comparable("score", "Float").Comparable("createdAt", "DateTime")
            .Text("source", "Either record comes from this connector."))
        .SortInput("ReviewItem", [.. SortColumns.Keys])
        .Connection("ReviewItem");

    public static void AddFields(ObjectTypeBuilder query) => query
        .ConnectionField("conflictQueue", "Profile", f => f
            .Description("Profiles whose equally trusted sources disagree on an attribute (see Profile.conflicts); each leaves the queue when a steward pins the attribute.")
            .Argument("where", "ProfileFilterInput")
            .Argument("order", "[ProfileSortInput!]")
            .Authorize(FieldAccess.Requires(Capability.Steward))
            .ResolveWith(async context => await ProfileQueries.ProfilesAsync(context, conflictsOnly: true)))
        .ConnectionField("reviewQueue", "ReviewItem", f => f
            .Description("Uncertain matches awaiting a steward, oldest first unless ordered.")
            .Argument("where", "ReviewItemFilterInput")
            .Argument("order", "[ReviewItemSortInput!]")
            .Argument("includeResolved", "Boolean", false)
            .Authorize(FieldAccess.Requires(Capability.Steward))
            .ResolveWith(async context =>
            {
                var where = context.Where();
                var order = context.Order();
                var includeResolved = context.Argument<bool>("includeResolved");
                var keyset = new Keyset<ReviewItem>([
                    .. (order.Count > 0 ? order : [new SortField("createdAt", SortDirection.Ascending)]).Select(s => new KeysetKey<ReviewItem>(SortColumns[s.Field], s.Direction)),
                    KeysetKey<ReviewItem>.Of(r => r.Id, SortDirection.Ascending)]);
                var fingerprint = KeysetCursor.Fingerprint("reviewQueue", context.Arguments.GetValueOrDefault("where"), order, includeResolved);
                var page = await KeysetPage.LoadAsync(
                    context.Services.GetRequiredService<IDbContextFactory<ProfileHubDbContext>>(),
                    db =>
                    {
                        var rows = db.ReviewItems.AsNoTracking().Where(r => includeResolved || r.Status == ReviewStatus.Open);
                        return Filter(db).Translate(where) is { } predicate ? rows.Where(predicate) : rows;
                    },
                    keyset,
                    ConnectionArguments.From(context),
                    fingerprint,
                    context.CancellationToken,
                    countAlongside: KeysetPage.SelectsTotalCount(context));
                // An item is shown with both records and their profiles' versions: read now, in one step, rather
                // than the records at the next level and their profiles at the one after.
                await ProfileLoaders.PrimeRecordsAndProfilesAsync(context, [.. page.TypedEdges.SelectMany(e => new[] { e.Node.RecordA, e.Node.RecordB }).Distinct()]);
                return page;
            }));

    private static FilterTranslator<ReviewItem> Filter(ProfileHubDbContext db) => new FilterTranslator<ReviewItem>()
        .Column("status", r => r.Status)
        .Column("score", r => r.Score)
        .Column("createdAt", r => r.CreatedAt)
        .Custom("source", f =>
        {
            Expression<Func<ReviewItem, string>> sourceA = r => db.SourceRecords.Where(s => s.Id == r.RecordA).Join(db.Connectors, s => s.ConnectorId, c => c.Id, (s, c) => c.Name).First();
            Expression<Func<ReviewItem, string>> sourceB = r => db.SourceRecords.Where(s => s.Id == r.RecordB).Join(db.Connectors, s => s.ConnectorId, c => c.Id, (s, c) => c.Name).First();
            return QueryExpressions.Or(
                Expression.Lambda<Func<ReviewItem, bool>>(FilterTranslator<ReviewItem>.Apply(sourceA.Body, f.Operator, f.Value), sourceA.Parameters),
                Expression.Lambda<Func<ReviewItem, bool>>(FilterTranslator<ReviewItem>.Apply(sourceB.Body, f.Operator, f.Value), sourceB.Parameters))!;
        });
}
