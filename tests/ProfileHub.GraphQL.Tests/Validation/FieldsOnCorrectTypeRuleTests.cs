using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class FieldsOnCorrectTypeRuleTests
{
    [Fact]
    public void Fields_of_the_type_and_typename_on_unions_are_fine()
    {
        ExpectValid(c => new FieldsOnCorrectTypeRule(c),
            "{ dog { name barks alias: nickname __typename } catOrDog { __typename ... on Cat { meows } } pet { name } __schema { types { name } } }");
    }

    [Fact]
    public void An_unknown_field_suggests_similar_names()
    {
        ExpectErrors(c => new FieldsOnCorrectTypeRule(c), "{ dog { barkVolum } }",
            "Cannot query field \"barkVolum\" on type \"Dog\". Did you mean \"barkVolume\"? (1:9)");
    }

    [Fact]
    public void A_field_of_some_possible_types_suggests_inline_fragments_most_used_first()
    {
        ExpectErrors(c => new FieldsOnCorrectTypeRule(c), "{ pet { nickname } catOrDog { name } }",
            "Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"? (1:9)",
            "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Canine\", \"Cat\", or \"Dog\"? (1:31)");
    }

    [Fact]
    public void Nothing_is_reported_below_an_unknown_field()
    {
        ExpectErrors(c => new FieldsOnCorrectTypeRule(c), "{ dog { unknownField { unknownChild } } }",
            "Cannot query field \"unknownField\" on type \"Dog\". (1:9)");
    }
}
