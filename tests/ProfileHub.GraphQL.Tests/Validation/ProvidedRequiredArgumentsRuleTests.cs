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
            $"Argument \"ComplicatedArgs.multipleReqs(req1:)\" of type \"Int!\" is required, but it was not provided. ({At(query, "multipleReqs")})",
            $"Argument \"ComplicatedArgs.multipleReqs(req2:)\" of type \"Int!\" is required, but it was not provided. ({At(query, "multipleReqs")})");
    }

    [Fact]
    public void Missing_required_directive_arguments_are_reported_on_the_directive()
    {
        const string query = "{ dog @include @withArgs(optional: 2) { name } }";

        ExpectErrors(c => new ProvidedRequiredArgumentsRule(c), query,
            $"Argument \"@include(if:)\" of type \"Boolean!\" is required, but it was not provided. ({At(query, "@include")})",
            $"Argument \"@withArgs(required:)\" of type \"String!\" is required, but it was not provided. ({At(query, "@withArgs")})");
    }

    [Fact]
    public void Introspection_field_arguments_are_named_as_meta_coordinates()
    {
        ExpectErrors(c => new ProvidedRequiredArgumentsRule(c), "{ __type { name } }",
            "Argument \"<meta>.__type(name:)\" of type \"String!\" is required, but it was not provided. (1:3)");
    }
}
