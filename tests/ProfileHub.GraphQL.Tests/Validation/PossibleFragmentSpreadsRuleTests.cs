using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class PossibleFragmentSpreadsRuleTests
{
    [Fact]
    public void Spreads_whose_types_can_overlap_are_fine()
    {
        ExpectValid(c => new PossibleFragmentSpreadsRule(c),
            "{ dog { ...PetFields ... on Canine { name } } pet { ...DogFields } catOrDog { ... on Pet { name } } humanOrAlien { ... on DogOrHuman { __typename } } }"
            + " fragment PetFields on Pet { name } fragment DogFields on Dog { barks }");
    }

    [Fact]
    public void Object_types_that_differ_can_never_overlap()
    {
        const string query = "{ dog { ... on Cat { meows } ...CatFields } } fragment CatFields on Cat { meows }";

        ExpectErrors(c => new PossibleFragmentSpreadsRule(c), query,
            $"Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\". ({At(query, "... on Cat")})",
            $"Fragment \"CatFields\" cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\". ({At(query, "...CatFields")})");
    }

    [Fact]
    public void Abstract_types_without_a_common_member_can_never_overlap()
    {
        const string query = "{ catOrDog { ... on HumanOrAlien { __typename } } }";

        ExpectErrors(c => new PossibleFragmentSpreadsRule(c), query,
            $"Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of type \"HumanOrAlien\". ({At(query, "...")})");
    }
}
