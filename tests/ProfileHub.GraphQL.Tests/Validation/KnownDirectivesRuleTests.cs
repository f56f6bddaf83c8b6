using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class KnownDirectivesRuleTests
{
    [Fact]
    public void Known_directives_in_their_locations_are_fine()
    {
        ExpectValid(c => new KnownDirectivesRule(c),
            "query Foo($v: Boolean @onVariableDefinition) @onQuery { dog @include(if: $v) @onField { ...F @onFragmentSpread ... @onInlineFragment { name } } } fragment F on Dog { name }");
    }

    [Fact]
    public void Unknown_directives_are_reported()
    {
        const string query = "{ dog @unknown(directive: \"value\") { name } }";

        ExpectErrors(c => new KnownDirectivesRule(c), query, $"Unknown directive \"@unknown\". ({At(query, "@unknown")})");
    }

    [Fact]
    public void Directives_in_the_wrong_location_name_the_location()
    {
        const string query = "query Foo($v: Int @onField) @onMutation { dog @onQuery { ...F @onInlineFragment } } fragment F on Dog @onFragmentSpread { name }";

        ExpectErrors(c => new KnownDirectivesRule(c), query,
            $"Directive \"@onField\" may not be used on VARIABLE_DEFINITION. ({At(query, "@onField")})",
            $"Directive \"@onMutation\" may not be used on QUERY. ({At(query, "@onMutation")})",
            $"Directive \"@onQuery\" may not be used on FIELD. ({At(query, "@onQuery")})",
            $"Directive \"@onInlineFragment\" may not be used on FRAGMENT_SPREAD. ({At(query, "@onInlineFragment")})",
            $"Directive \"@onFragmentSpread\" may not be used on FRAGMENT_DEFINITION. ({At(query, "@onFragmentSpread")})");
    }

    [Fact]
    public void Directives_a_request_defines_count_and_type_system_locations_are_checked()
    {
        const string query = "directive @mine on FIELD type T @mine @onField { f(a: Int @mine): Int } { dog @mine { name } }";

        ExpectErrors(c => new KnownDirectivesRule(c), query,
            $"Directive \"@mine\" may not be used on OBJECT. ({At(query, "@mine", 2)})",
            $"Directive \"@onField\" may not be used on OBJECT. ({At(query, "@onField")})",
            $"Directive \"@mine\" may not be used on ARGUMENT_DEFINITION. ({At(query, "@mine", 3)})");
    }
}
