using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class NoUndefinedVariablesRuleTests
{
    [Fact]
    public void Variables_defined_by_the_operation_may_be_used_in_its_fragments()
    {
        ExpectValid(c => new NoUndefinedVariablesRule(c),
            "query Foo($a: String, $b: String) { field(a: $a) { ...F } } fragment F on Type { field(b: $b, list: [$a], obj: {c: $b}) }");
    }

    [Fact]
    public void A_variable_used_through_a_fragment_but_not_defined_is_reported_per_operation()
    {
        const string query = "query Foo($a: String) { field(a: $a) { ...F } } query { ...F } fragment F on Type { field(b: $b) }";

        ExpectErrors(c => new NoUndefinedVariablesRule(c), query,
            $"Variable \"$b\" is not defined by operation \"Foo\". ({At(query, "$b")}, 1:1)",
            $"Variable \"$b\" is not defined. ({At(query, "$b")}, {At(query, "query {")})");
    }
}
