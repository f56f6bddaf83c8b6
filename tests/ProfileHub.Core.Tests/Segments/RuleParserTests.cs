using ProfileHub.Core.Segments;

namespace ProfileHub.Core.Tests.Segments;

public sealed class RuleParserTests
{
    [Fact]
    public void And_binds_tighter_than_or()
    {
        var rule = RuleParser.Parse("country = \"GB\" or purchases >= 3 and touchpoints < 8");

        var or = Assert.IsType<OrNode>(rule);
        Assert.IsType<ComparisonNode>(or.Left);
        var and = Assert.IsType<AndNode>(or.Right);
        Assert.Equal(ComparisonOperator.GreaterOrEqual, Assert.IsType<ComparisonNode>(and.Left).Operator);
        Assert.Equal(ComparisonOperator.Less, Assert.IsType<ComparisonNode>(and.Right).Operator);
    }

    [Fact]
    public void Parentheses_and_not_group_conditions()
    {
        var rule = RuleParser.Parse("not (email.opened(last 30 days) or email.clicked(last 30 days))");

        var not = Assert.IsType<NotNode>(rule);
        var or = Assert.IsType<OrNode>(not.Operand);
        Assert.Equal("email.opened", Assert.IsType<CallNode>(or.Left).Name);
    }

    [Fact]
    public void A_call_keeps_its_facet_condition_and_window()
    {
        var rule = RuleParser.Parse("count(channel = web and stage = before and controllable and proactive, last 14 days) >= 2");

        var comparison = Assert.IsType<ComparisonNode>(rule);
        var call = Assert.IsType<CallNode>(comparison.Operand);
        Assert.Equal("count", call.Name);
        Assert.Equal(14, call.Window!.Days);
        Assert.IsType<AndNode>(Assert.Single(call.Arguments));
        Assert.Equal(2m, comparison.Value.Value);
    }

    [Theory]
    [InlineData("loyalty.tier = \"gold\"", LiteralKind.Text, "gold")]
    [InlineData("consent.email = granted", LiteralKind.Word, "granted")]
    [InlineData("online = false", LiteralKind.Boolean, false)]
    [InlineData("last_purchase >= 30 days ago", LiteralKind.DaysAgo, 30)]
    [InlineData("revenue > 99.5", LiteralKind.Number, 99.5)]
    public void Literals_are_read_by_kind(string text, LiteralKind kind, object value)
    {
        var literal = Assert.IsType<ComparisonNode>(RuleParser.Parse(text)).Value;

        Assert.Equal(kind, literal.Kind);
        Assert.Equal(value is double d ? (decimal)d : value, literal.Value);
    }

    [Fact]
    public void Strings_unescape_quotes_and_comments_are_skipped()
    {
        var rule = RuleParser.Parse("# VIPs\nin_segment(\"say \\\"hi\\\"\")");

        var call = Assert.IsType<CallNode>(rule);
        Assert.Equal("say \"hi\"", Assert.IsType<LiteralNode>(Assert.Single(call.Arguments)).Value);
        Assert.Equal(new RulePosition(2, 1), call.Position);
    }

    [Theory]
    [InlineData("", 1, 1, null, "empty")]
    [InlineData("country = ", 1, 11, null, "expected a value")]
    [InlineData("purchases >= 3 and\n  (touchpoints > 2", 2, 19, null, "expected ')'")]
    [InlineData("country = \"GB", 1, 11, "\"GB", "not closed")]
    [InlineData("purchases(last 30 weeks) > 1", 1, 19, "weeks", "expected 'days'")]
    [InlineData("purchases(last x days) > 1", 1, 16, "x", "whole number")]
    [InlineData("country = \"GB\" country", 1, 16, "country", "expected 'and', 'or'")]
    [InlineData("country ~ \"GB\"", 1, 9, "~", "unexpected character")]
    [InlineData("and purchases > 1", 1, 1, "and", "expected a condition")]
    [InlineData("count(last 3 days, online) > 1", 1, 18, ",", "window comes last")]
    public void Syntax_errors_name_line_column_and_token(string text, int line, int column, string? token, string message)
    {
        var error = Assert.Single(Assert.Throws<RuleException>(() => RuleParser.Parse(text)).Errors);

        Assert.Equal(new RulePosition(line, column), error.Position);
        Assert.Equal(token, error.Token);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
