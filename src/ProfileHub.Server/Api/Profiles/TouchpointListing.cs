using ProfileHub.Core.Profiles;
using ProfileHub.Core.Touchpoints;
using ProfileHub.GraphQL.Relay;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Querying;

namespace ProfileHub.Server.Api.Profiles;

/// <summary>
/// <c>Profile.touchpoints(where, order, first, after, last, before)</c>: filters over the four classifications,
/// type and time; newest first unless ordered otherwise; keyset cursors over (occurredAt, id).
/// </summary>
internal static class TouchpointListing
{
    private static readonly FilterTranslator<Touchpoint> Filter = new FilterTranslator<Touchpoint>()
        .Column("channel", t => t.Channel)
        .Column("type", t => t.Type)
        .Column("stage", t => t.Stage)
        .Column("occurredAt", t => t.OccurredAt)
        .Column("online", t => t.Online)
        .Column("controllable", t => t.Controllable)
        .Column("initiative", t => t.Initiative);

    // Built once: a Keyset compiles a getter per key, and this field resolves once per profile of a page.
    private static readonly Keyset<Touchpoint> NewestFirst = Chronological(SortDirection.Descending);
    private static readonly Keyset<Touchpoint> OldestFirst = Chronological(SortDirection.Ascending);

    public static void Declare(SchemaBuilder schema) => schema
        .FilterInput("Touchpoint", f => f
            .Enum("channel", "TouchpointChannel").Text("type").Enum("stage", "JourneyStage").Comparable("occurredAt", "DateTime")
            .Boolean("online").Boolean("controllable").Enum("initiative", "Initiative"))
        .SortInput("Touchpoint", "occurredAt");

    public static void Field(FieldBuilder field) => field
        .Description("The profile's touchpoints, newest first unless ordered otherwise.")
        .Argument("where", "TouchpointFilterInput")
        .Argument("order", "[TouchpointSortInput!]")
        .ResolveWith(async context =>
        {
            var arguments = ConnectionArguments.From(context);
            var size = KeysetPage.PageSize(arguments);
            var order = context.Order();
            var direction = order.Count > 0 ? order[0].Direction : SortDirection.Descending;
            var keyset = direction == SortDirection.Descending ? NewestFirst : OldestFirst;
            var where = Filter.Translate(context.Where()) ?? (t => true);
            var fingerprint = KeysetCursor.Fingerprint("touchpoints", context.Arguments.GetValueOrDefault("where"), direction);

            // Every profile of the page gets the same filter, cursors and LIMIT, in one SQL command.
            var page = QueryExpressions.And(where, KeysetPage.Range(keyset, arguments, fingerprint))!;
            var signature = KeysetCursor.Fingerprint(fingerprint, arguments);
            var profile = context.Source<GoldenProfile>().Id;
            var rows = await ProfileLoaders.TouchpointPage(context, profile, signature, page, keyset, KeysetPage.IsBackward(arguments), size + 1);
            return KeysetPage.Slice(
                [.. rows],
                size,
                arguments,
                row => KeysetCursor.Encode(fingerprint, keyset.ValuesOf(row.Touchpoint)),
                _ => ProfileLoaders.TouchpointCount(context, profile, fingerprint, where));
        });

    private static Keyset<Touchpoint> Chronological(SortDirection direction) =>
        new([KeysetKey<Touchpoint>.Of(t => t.OccurredAt, direction), KeysetKey<Touchpoint>.Of(t => t.Id, direction)]);
}
