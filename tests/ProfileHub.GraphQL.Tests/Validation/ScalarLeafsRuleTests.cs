using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class ScalarLeafsRuleTests
{
    [Fact]
    public void Leaves_without_and_composites_with_selections_are_fine()
    {
        ExpectValid(c => new ScalarLeafsRule(c), "{ dog { barks mother { name } } human { relatives { name } } }");
    }

    [Fact]
    public void A_composite_field_needs_a_selection()
    {
        ExpectErrors(c => new ScalarLeafsRule(c), "{ human { relatives } }",
            "Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. Did you mean \"relatives { ... }\"? (1:11)");
    }

    [Fact]
    public void A_leaf_field_may_not_have_a_selection()
    {
        const string query = "{ dog { barks { sinceWhen } doesKnowCommand(dogCommand: SIT) { x } } }";

        ExpectErrors(c => new ScalarLeafsRule(c), query,
            $"Field \"barks\" must not have a selection since type \"Boolean\" has no subfields. ({At(query, "{ sinceWhen")})",
            $"Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has no subfields. ({At(query, "{ x")})");
    }
}
