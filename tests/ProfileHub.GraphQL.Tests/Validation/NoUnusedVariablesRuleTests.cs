using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class NoUnusedVariablesRuleTests
{
    [Fact]
    public void Variables_used_directly_in_directives_or_through_fragments_are_used()
    {
        ExpectValid(c => new NoUnusedVariablesRule(c),
            "query Foo($a: String, $b: Boolean, $c: String) { field(a: $a) @include(if: $b) { ...F } } fragment F on Type { field(c: {x: [$c]}) }");
    }

    [Fact]
    public void Unused_variables_are_reported_at_their_definitions()
    {
        const string query = "query Foo($a: String, $b: String) { field(a: $a) } query($c: Int) { field }";

        ExpectErrors(c => new NoUnusedVariablesRule(c), query,
            $"Variable \"$b\" is never used in operation \"Foo\". ({At(query, "$b")})",
            $"Variable \"$c\" is never used. ({At(query, "$c")})");
    }
}
