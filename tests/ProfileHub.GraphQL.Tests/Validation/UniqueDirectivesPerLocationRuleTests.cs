using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class UniqueDirectivesPerLocationRuleTests
{
    [Fact]
    public void Distinct_directives_and_repeatable_ones_may_appear_together()
    {
        ExpectValid(c => new UniqueDirectivesPerLocationRule(c),
            "query @repeatable @repeatable { dog @onField @include(if: true) @repeatable @repeatable { name @onField } }");
    }

    [Fact]
    public void A_non_repeatable_directive_used_twice_at_one_location_is_reported_per_repetition()
    {
        const string query = "{ dog @onField @onField @onField { name } }";

        ExpectErrors(c => new UniqueDirectivesPerLocationRule(c), query,
            $"The directive \"@onField\" can only be used once at this location. ({At(query, "@onField")}, {At(query, "@onField", 2)})",
            $"The directive \"@onField\" can only be used once at this location. ({At(query, "@onField")}, {At(query, "@onField", 3)})");
    }
}
