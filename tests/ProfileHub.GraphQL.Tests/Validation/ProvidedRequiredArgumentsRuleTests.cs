using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class ProvidedRequiredArgumentsRuleTests
{
    [Fact]
    public void Required_arguments_given_and_defaulted_ones_omitted_are_fine()
    {
        ExpectValid(c => new ProvidedRequiredArgumentsRule(c),
            "{ complicatedArgs { multipleReqs(req2: 2, req1: 1) nonNullFieldWithDefault multipleOpts } dog @withArgs(required: \"x\") { name } }");
    }

    [Fact]
    public void Missing_required_arguments_are_reported_on_the_field()
    {
        const string query = "{ complicatedArgs { multipleReqs } }";

        ExpectErrors(c => new ProvidedRequiredArgumentsRule(c), query,
            $"Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided. ({At(query, "multipleReqs")})",
            $"Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided. ({At(query, "multipleReqs")})");
    }

    [Fact]
    public void Missing_required_directive_arguments_are_reported_on_the_directive()
    {
        const string query = "{ dog @include @withArgs(optional: 2) { name } }";

        ExpectErrors(c => new ProvidedRequiredArgumentsRule(c), query,
            $"Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. ({At(query, "@include")})",
            $"Directive \"@withArgs\" argument \"required\" of type \"String!\" is required, but it was not provided. ({At(query, "@withArgs")})");
    }
}
