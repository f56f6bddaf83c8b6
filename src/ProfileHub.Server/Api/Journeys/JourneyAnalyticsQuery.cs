using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;
using ProfileHub.Server.Api.Profiles;

namespace ProfileHub.Server.Api.Journeys;

/// <summary><c>journeyAnalytics(segment, windowDays)</c>: the marketing aggregates behind the /journey page.</summary>
internal static class JourneyAnalyticsQuery
{
    public const int MaxWindowDays = 365;

    public static void Declare(SchemaBuilder schema) => schema
        .Object<JourneyAnalytics>("JourneyAnalytics", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Description("Customer journeys in aggregate over all active profiles (or a segment's members), computed by the database.")
            .Field("profiles", "Int!", f => f.Description("Profiles analysed."))
            .Field("purchasers", "Int!", f => f.Description("Profiles with at least one purchase (a completed order, online or in store)."))
            .Field("touchpointsBeforeFirstPurchase", "TouchpointsBeforePurchase!")
            .Field("conversionByStage", "[StageConversion!]!", f => f.Description("One row per journey stage."))
            .Field("friction", "[FrictionRate!]!", f => f.Description("Touchpoint types by how often a friction signal (unsubscribe, spam report, poor satisfaction, cancelled order, abandoned cart) follows them within windowDays, highest lift first."))
            .Field("channelContribution", "[ChannelContribution!]!", f => f.Description("Channels ranked by their linear share of first purchases.")))
        .Object<TouchpointsBeforePurchase>("TouchpointsBeforePurchase", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Description("Touchpoints of each purchaser before the first purchase (the field's rule of thumb: about eight).")
            .Field("average", "Float", f => f.Description("Null without purchasers."))
            .Field("median", "Float")
            .Field("histogram", "[HistogramBucket!]!", f => f.Description("Only the counts that occur, in increasing order."))
            .Field("byChannelMix", "[ChannelMix!]!", f => f.Description("Purchasers grouped by the set of channels touched before the first purchase, most common first.")))
        .Object<HistogramBucket>("HistogramBucket", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Field("bucket", "Int!", f => f.Description("Touchpoints before the first purchase."))
            .Field("count", "Int!", f => f.Description("Purchasers with that many.")))
        .Object<ChannelMix>("ChannelMix", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Field("channels", "[TouchpointChannel!]!", f => f.Description("Empty when the first purchase was the first touchpoint."))
            .Field("average", "Float!", f => f.Description("Average touchpoints before the first purchase."))
            .Field("profiles", "Int!"))
        .Object<StageConversion>("StageConversion", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Field("stage", "JourneyStage!")
            .Field("profiles", "Int!", f => f.Description("Profiles with a touchpoint at this stage."))
            .Field("converted", "Int!", f => f.Description("Of those, the purchasers."))
            .Field("rate", "Float!", f => f.Description("converted / profiles (0 when no profile reached the stage).")))
        .Object<FrictionRate>("FrictionRate", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Field("type", "String!", f => f.Description("The touchpoint type (page_view, open, ticket_opened, ...)."))
            .Field("channel", "TouchpointChannel!")
            .Field("occurrences", "Int!")
            .Field("followedByFriction", "Int!", f => f.Description("Occurrences after which the same profile gave a friction signal within windowDays."))
            .Field("rate", "Float!", f => f.Description("followedByFriction / occurrences."))
            .Field("baseRate", "Float!", f => f.Description("The same share over all touchpoints."))
            .Field("lift", "Float", f => f.Description("rate / baseRate; null when no touchpoint is followed by friction.")))
        .Object<ChannelContribution>("ChannelContribution", o => o
            .AuthorizeFields(FieldAccess.NotPersonal)
            .Field("channel", "TouchpointChannel!")
            .Field("firstPurchases", "Float!", f => f.Description("First purchases credited to the channel: each is shared equally among the channels touched before it."))
            .Field("share", "Float!", f => f.Description("firstPurchases / purchasers.")));

    public static void AddFields(ObjectTypeBuilder query) => query
        .Field("journeyAnalytics", "JourneyAnalytics!", f => f
            .Description("Journey aggregates over all active profiles, or over a segment's current members (as of its last refresh).")
            .Argument("segment", "String")
            .Argument("windowDays", "Int", 30)
            .Authorize(FieldAccess.Requires(Capability.ReadProfiles))
            .ResolveWith(async c => await ResolveAsync(c)));

    private static async Task<JourneyAnalytics> ResolveAsync(ResolveContext context)
    {
        var days = context.Argument<int?>("windowDays") ?? 30;
        if (days is < 1 or > MaxWindowDays)
        {
            throw new GraphQLException($"windowDays must be between 1 and {MaxWindowDays}.", ErrorCodes.BadUserInput);
        }

        var segment = context.Argument<string?>("segment");
        return await ProfileLoaders.Fetch(context, async db =>
        {
            if (segment is not null && !await db.Segments.AnyAsync(s => s.Name == segment, context.CancellationToken))
            {
                throw new GraphQLException($"No segment is named '{segment}'.", "NOT_FOUND", new Dictionary<string, object?> { ["argument"] = "segment" });
            }

            return await JourneyAggregates.ComputeAsync(db, segment, TimeSpan.FromDays(days), context.CancellationToken);
        });
    }
}
