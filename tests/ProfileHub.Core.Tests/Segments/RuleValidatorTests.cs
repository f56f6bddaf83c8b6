using ProfileHub.Core.Segments;

namespace ProfileHub.Core.Tests.Segments;

public sealed class RuleValidatorTests
{
    private static readonly Dictionary<string, string> Stored = new(StringComparer.Ordinal)
    {
        ["vip"] = "purchases >= 10",
        ["loyal"] = "in_segment(\"vip\") and loyalty.points >= 100",
        ["a"] = "in_segment(\"b\")",
        ["b"] = "in_segment(\"new\")",
    };

    [Theory]
    [InlineData("purchases(last 90 days) >= 3 and page_views(last 30 days) < 5")]
    [InlineData("purchases(last 90 days) <= 1 and page_views(last 30 days) >= 10")]
    [InlineData("email.opened(last 30 days) or email.clicked(last 30 days)")]
    [InlineData("touchpoints >= 8 and purchases = 0")]
    [InlineData("loyalty.tier = \"gold\" and loyalty.points >= 500")]
    [InlineData("support.poor_rating(last 90 days) > 0")]
    [InlineData("count(channel = web and stage = before and controllable and proactive, last 14 days) >= 2")]
    [InlineData("count(not online or reactive or type = \"call\" or stage != after, last 7 days)")]
    [InlineData("country = \"GB\" and consent.email = granted and consent.ads != spam_reported")]
    [InlineData("in_segment(\"vip\") and not in_segment(\"loyal\")")]
    [InlineData("last_purchase >= 30 days ago and email.last_open < 7 days ago and revenue > 100.5")]
    [InlineData("touchpoints_before_first_purchase <= 8 and support.tickets(last 3650 days) = 0 and touchpoints(last 1 day) > 0")]
    [InlineData("city = \"Leeds\" and given_name != \"Bob\" and family_name = \"Castellano\" and email = \"a@b.c\"")]
    [InlineData("first_purchase < 365 days ago and last_contact >= 1 days ago and email.opens > 2 and email.clicks > 1 and email.last_click >= 5 days ago")]
    public void The_documented_rules_validate(string text)
    {
        var rule = RuleValidator.Compile(text, "new", Lookup);

        Assert.Equal(text, rule.Text);
    }

    [Fact]
    public void Referenced_segments_are_listed_once()
    {
        var rule = RuleValidator.Compile("in_segment(\"vip\") or (in_segment(\"vip\") and in_segment(\"loyal\"))", "new", Lookup);

        Assert.Equal(["vip", "loyal"], rule.ReferencedSegments);
    }

    [Theory]
    [InlineData("colour = \"red\"", 1, 1, "colour", "unknown field 'colour'")]
    [InlineData("channel = web", 1, 1, "channel", "use it inside count")]
    [InlineData("count(country = \"GB\", last 5 days) > 0", 1, 7, "country", "describes a profile")]
    [InlineData("page_views > 3", 1, 1, "page_views", "write page_views(last N days)")]
    [InlineData("frobnicate(last 3 days) > 1", 1, 1, "frobnicate", "unknown function")]
    [InlineData("country >= \"GB\"", 1, 9, null, "only = and != apply")]
    [InlineData("loyalty.points = \"many\"", 1, 18, "\"many\"", "cannot be compared")]
    [InlineData("country = 44", 1, 11, "44", "cannot be compared")]
    [InlineData("consent.email = \"granted\"", 1, 17, "\"granted\"", "cannot be compared")]
    [InlineData("consent.email = maybe", 1, 17, "maybe", "not a value of consent.email")]
    [InlineData("count(channel = fax, last 3 days) > 0", 1, 17, "fax", "not a value of channel")]
    [InlineData("last_purchase > 3", 1, 17, "3", "cannot be compared")]
    [InlineData("purchases(last 30 days) > \"3\"", 1, 27, "\"3\"", "cannot be compared")]
    [InlineData("purchases", 1, 1, "purchases", "not a condition")]
    [InlineData("count(\"web\", last 2 days) > 0", 1, 7, "\"web\"", "not a condition")]
    [InlineData("purchases() > 2", 1, 1, "purchases", "unbounded window")]
    [InlineData("count(online) > 2", 1, 1, "count", "unbounded window")]
    [InlineData("email.opened(last 4000 days)", 1, 14, "4000", "1 to 3650 days")]
    [InlineData("email.opened(last 0 days)", 1, 14, "0", "1 to 3650 days")]
    [InlineData("purchases(online, last 3 days) > 1", 1, 11, null, "takes only a window")]
    [InlineData("count(last 3 days) > 1", 1, 1, "count", "one touchpoint condition")]
    [InlineData("count(purchases(last 2 days) > 1, last 3 days) > 1", 1, 7, "purchases", "cannot be used inside count")]
    [InlineData("in_segment(vip)", 1, 1, "in_segment", "one segment name in quotes")]
    [InlineData("in_segment(\"nobody\")", 1, 12, "\"nobody\"", "no segment named")]
    [InlineData("in_segment(\"new\")", 1, 1, "in_segment", "cycle: new -> new")]
    [InlineData("purchases > 1 and\n   in_segment(\"a\")", 2, 4, "in_segment", "cycle: new -> a -> b -> new")]
    public void Invalid_rules_are_rejected_at_the_problem(string text, int line, int column, string? token, string message)
    {
        var error = Assert.Throws<RuleException>(() => RuleValidator.Compile(text, "new", Lookup)).Errors[0];

        Assert.Equal(new RulePosition(line, column), error.Position);
        Assert.Equal(token, error.Token);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_in_text_order()
    {
        var errors = Assert.Throws<RuleException>(() => RuleValidator.Compile("colour = 1 or purchases() > 1\nor country > 2", "new", Lookup)).Errors;

        Assert.Equal([new RulePosition(1, 1), new RulePosition(1, 15), new RulePosition(2, 14)], errors.Select(e => e.Position));
    }

    private static string? Lookup(string name) => Stored.GetValueOrDefault(name);
}
