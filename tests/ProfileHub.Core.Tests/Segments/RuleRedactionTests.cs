using ProfileHub.Core.Segments;

namespace ProfileHub.Core.Tests.Segments;

public class RuleRedactionTests
{
    [Theory]
    [InlineData("email = \"someone@example.com\"", "email = \"…\"")]
    [InlineData("given_name != \"Ana\" and country = \"ES\"", "given_name != \"…\" and country = \"ES\"")]
    [InlineData("touchpoints >= 3 or (city = \"Leeds\"\n  and family_name = \"Doe\")", "touchpoints >= 3 or (city = \"…\"\n  and family_name = \"…\")")]
    [InlineData("touchpoints >= 0", "touchpoints >= 0")]
    public void Values_compared_with_a_personal_attribute_are_masked_and_nothing_else(string rule, string expected)
    {
        Assert.Equal(expected, RuleRedaction.MaskPersonalValues(rule));
    }

    [Fact]
    public void A_rule_that_no_longer_parses_shows_nothing_of_its_text()
    {
        Assert.Equal(RuleRedaction.Mask, RuleRedaction.MaskPersonalValues("email = \"open"));
    }
}
