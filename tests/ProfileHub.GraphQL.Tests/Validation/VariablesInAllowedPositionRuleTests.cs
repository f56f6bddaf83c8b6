using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class VariablesInAllowedPositionRuleTests
{
    [Fact]
    public void Matching_stricter_and_defaulted_variables_are_allowed()
    {
        ExpectValid(c => new VariablesInAllowedPositionRule(c), """
            query Q($nonNull: Int!, $nullable: Int, $withDefault: Int = 1, $list: [String!]!, $bool: Boolean!) {
              complicatedArgs {
                a: intArgField(intArg: $nonNull)
                b: nonNullIntArgField(nonNullIntArg: $withDefault)
                c: nonNullFieldWithDefault(arg: $nullable)
                d: stringListArgField(stringListArg: $list)
                e: complexArgField(complexArg: {requiredField: $bool, nonNullField: $bool})
              }
              dog @include(if: $bool) { name }
            }
            """);
    }

    [Fact]
    public void A_nullable_variable_in_a_non_null_position_is_rejected_even_through_a_fragment()
    {
        const string query = "query Q($intArg: Int) { complicatedArgs { ...F } } fragment F on ComplicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }";

        ExpectErrors(c => new VariablesInAllowedPositionRule(c), query,
            $"Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\". ({At(query, "$intArg")}, {At(query, "$intArg", 2)})");
    }

    [Fact]
    public void A_variable_of_another_type_or_list_depth_is_rejected()
    {
        const string query = "query Q($s: String, $l: [String]) { complicatedArgs { intArgField(intArg: $s) stringListNonNullArgField(stringListNonNullArg: $l) } dog @include(if: $s) { name } }";

        ExpectErrors(c => new VariablesInAllowedPositionRule(c), query,
            $"Variable \"$s\" of type \"String\" used in position expecting type \"Int\". ({At(query, "$s")}, {At(query, "$s", 2)})",
            $"Variable \"$l\" of type \"[String]\" used in position expecting type \"[String!]\". ({At(query, "$l")}, {At(query, "$l", 2)})",
            $"Variable \"$s\" of type \"String\" used in position expecting type \"Boolean!\". ({At(query, "$s")}, {At(query, "$s", 3)})");
    }

    [Fact]
    public void A_null_default_does_not_make_a_nullable_variable_non_null()
    {
        const string query = "query Q($i: Int = null) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }";

        ExpectErrors(c => new VariablesInAllowedPositionRule(c), query,
            $"Variable \"$i\" of type \"Int\" used in position expecting type \"Int!\". ({At(query, "$i")}, {At(query, "$i", 2)})");
    }

    [Fact]
    public void A_nullable_variable_may_not_fill_a_one_of_field()
    {
        const string query = "query Q($s: String) { complicatedArgs { oneOfArgField(oneOfArg: {stringField: $s}) } }";

        ExpectErrors(c => new VariablesInAllowedPositionRule(c), query,
            $"Variable \"$s\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\". ({At(query, "$s")}, {At(query, "$s", 2)})");
    }

    [Fact]
    public void The_last_definition_of_a_repeated_variable_is_the_one_checked()
    {
        const string query = "query Q($a: Int, $a: String) { complicatedArgs { intArgField(intArg: $a) } }";

        ExpectErrors(c => new VariablesInAllowedPositionRule(c), query,
            $"Variable \"$a\" of type \"String\" used in position expecting type \"Int\". ({At(query, "$a", 2)}, {At(query, "$a", 3)})");
    }
}
