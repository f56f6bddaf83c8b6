using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Core.Tests.Touchpoints;

public sealed class TouchpointRulesTests
{
    [Fact]
    public void Every_channel_has_a_rule_table_with_listed_event_types()
    {
        foreach (var channel in Enum.GetValues<TouchpointChannel>())
        {
            Assert.Contains(channel, TouchpointRules.Default.Channels);
            Assert.NotEmpty(TouchpointRules.Default.TypesOf(channel));
        }
    }

    [Theory]
    [InlineData(TouchpointChannel.Web, "order_completed", JourneyStage.DuringPurchase, true, true, Initiative.Reactive)]
    [InlineData(TouchpointChannel.Email, "open", JourneyStage.BeforePurchase, true, true, Initiative.Proactive)]
    [InlineData(TouchpointChannel.Email, "spamreport", JourneyStage.AfterPurchase, true, true, Initiative.Reactive)]
    [InlineData(TouchpointChannel.Social, "comment", JourneyStage.BeforePurchase, true, false, Initiative.Reactive)]
    [InlineData(TouchpointChannel.Support, "ticket_opened", JourneyStage.AfterPurchase, true, true, Initiative.Reactive)]
    [InlineData(TouchpointChannel.Loyalty, "points_redeemed", JourneyStage.DuringPurchase, true, true, Initiative.Reactive)]
    [InlineData(TouchpointChannel.Offline, "store_purchase", JourneyStage.DuringPurchase, false, true, Initiative.Reactive)]
    public void Listed_event_types_are_classified_by_their_row(TouchpointChannel channel, string type, JourneyStage stage, bool online, bool controllable, Initiative initiative)
    {
        Assert.True(TouchpointRules.Default.Lists(channel, type));
        Assert.Equal(new TouchpointClassification(stage, online, controllable, initiative), TouchpointRules.Default.Classify(channel, type));
    }

    [Fact]
    public void An_unlisted_event_type_takes_its_channel_s_fallback_row()
    {
        var rules = TouchpointRules.Parse("""{"Social":{"*":"before online uncontrollable reactive","review":"after online uncontrollable reactive"}}""");

        Assert.Equal(new TouchpointClassification(JourneyStage.BeforePurchase, true, false, Initiative.Reactive), rules.Classify(TouchpointChannel.Social, "story_reply"));
        Assert.Equal(JourneyStage.AfterPurchase, rules.Classify(TouchpointChannel.Social, "review").Stage);
        Assert.Throws<InvalidOperationException>(() => rules.Classify(TouchpointChannel.Email, "open"));
    }

    [Theory]
    [InlineData("""{"Web":{"page_view":"before online controllable reactive"}}""", "no '*' row")]
    [InlineData("""{"Web":{"*":"before online controllable"}}""", "Web.*: expected")]
    [InlineData("""{"Web":{"*":"soon online controllable reactive"}}""", "unknown stage 'soon'")]
    [InlineData("""{"Web":{"*":"before online maybe reactive"}}""", "got 'maybe'")]
    [InlineData("""{"Fax":{"*":"before online controllable reactive"}}""", "'Fax' is not a channel")]
    public void A_malformed_rule_table_is_refused_naming_the_row(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TouchpointRules.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
