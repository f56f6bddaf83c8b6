using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Server.Api.Journeys;

/// <summary>Journey analytics over a population of profiles (the GraphQL type JourneyAnalytics).</summary>
internal sealed record JourneyAnalytics(
    int Profiles,
    int Purchasers,
    TouchpointsBeforePurchase TouchpointsBeforeFirstPurchase,
    IReadOnlyList<StageConversion> ConversionByStage,
    IReadOnlyList<FrictionRate> Friction,
    IReadOnlyList<ChannelContribution> ChannelContribution);

/// <summary>The distribution of touchpoints before each purchaser's first purchase (null average and median without purchasers).</summary>
internal sealed record TouchpointsBeforePurchase(double? Average, double? Median, IReadOnlyList<HistogramBucket> Histogram, IReadOnlyList<ChannelMix> ByChannelMix);

/// <summary><see cref="Count"/> purchasers had exactly <see cref="Bucket"/> touchpoints before their first purchase.</summary>
internal sealed record HistogramBucket(int Bucket, int Count);

/// <summary>The purchasers whose touchpoints before the first purchase span exactly these channels.</summary>
internal sealed record ChannelMix(IReadOnlyList<TouchpointChannel> Channels, double Average, int Profiles);

/// <summary>Of the profiles with a touchpoint at this stage, how many purchased.</summary>
internal sealed record StageConversion(JourneyStage Stage, int Profiles, int Converted, double Rate);

/// <summary>How often touchpoints of one type and channel are followed by friction, against all touchpoints (the base rate).</summary>
internal sealed record FrictionRate(string Type, TouchpointChannel Channel, int Occurrences, int FollowedByFriction, double Rate, double BaseRate, double? Lift);

/// <summary>A channel's linear share of the first purchases.</summary>
internal sealed record ChannelContribution(TouchpointChannel Channel, double FirstPurchases, double Share);

