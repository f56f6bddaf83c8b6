using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Core.Tests.Touchpoints;

public sealed class JourneyTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private long _id;

    private Touchpoint At(double days, TouchpointChannel channel, string type, string? metrics = null)
    {
        var touchpoint = new Touchpoint(1, "e" + _id++, channel, type, Day0.AddDays(days), TouchpointRules.Default.Classify(channel, type), Day0) { Metrics = metrics };
        return touchpoint;
    }

    [Fact]
    public void Touchpoints_before_the_first_purchase_are_counted_in_time_order_whatever_the_input_order()
    {
        var summary = Journey.Summarize([
            At(3, TouchpointChannel.Web, "order_completed"),
            At(0, TouchpointChannel.Ads, "ad_click"),
            At(1, TouchpointChannel.Email, "open"),
            At(2, TouchpointChannel.Social, "comment"),
            At(9, TouchpointChannel.Offline, "store_purchase"),
        ]);

        Assert.Equal(3, summary.TouchpointsBeforeFirstPurchase);
        Assert.Equal(2, summary.PurchaseCount);
        Assert.Equal(Day0.AddDays(3), summary.FirstPurchase);
        Assert.Equal((Day0, Day0.AddDays(9)), (summary.FirstContact!.Value, summary.LastContact!.Value));
        Assert.Equal(1, summary.Uncontrollable);
        Assert.Equal(TouchpointChannel.Web, summary.ByChannel[0].Value);
    }

    [Fact]
    public void A_journey_without_a_purchase_has_no_count_before_it()
    {
        var summary = Journey.Summarize([At(0, TouchpointChannel.Web, "page_view")]);

        Assert.Null(summary.TouchpointsBeforeFirstPurchase);
        Assert.Null(summary.FirstPurchase);
        Assert.Equal(0, summary.PurchaseCount);
    }

    [Fact]
    public void A_checkout_without_an_order_within_a_day_is_an_abandoned_cart_and_a_completed_one_is_not()
    {
        var summary = Journey.Summarize([
            At(0, TouchpointChannel.Web, "checkout_started"),
            At(0.5, TouchpointChannel.Web, "order_completed"),
            At(2, TouchpointChannel.Web, "checkout_started"),
            At(3.5, TouchpointChannel.Web, "order_completed"),
        ]);

        var friction = Assert.Single(summary.Friction);
        Assert.Equal(FrictionKind.AbandonedCart, friction.Kind);
        Assert.Equal(Day0.AddDays(2), friction.Touchpoint.OccurredAt);
    }

    [Theory]
    [InlineData(TouchpointChannel.Email, "unsubscribe", null, FrictionKind.Unsubscribe)]
    [InlineData(TouchpointChannel.Email, "spamreport", null, FrictionKind.SpamReport)]
    [InlineData(TouchpointChannel.Support, "satisfaction_rated", "{\"satisfaction_score\":0}", FrictionKind.PoorSatisfaction)]
    [InlineData(TouchpointChannel.Web, "order_refunded", null, FrictionKind.OrderCancelled)]
    public void Friction_signals_are_recognised(TouchpointChannel channel, string type, string? metrics, FrictionKind kind) =>
        Assert.Equal(kind, Journey.FrictionOf(At(0, channel, type, metrics)));

    [Fact]
    public void A_good_rating_is_not_friction() =>
        Assert.Null(Journey.FrictionOf(At(0, TouchpointChannel.Support, "satisfaction_rated", "{\"satisfaction_score\":1}")));
}
