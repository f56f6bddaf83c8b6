using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class FragmentsOnCompositeTypesRuleTests
{
    [Fact]
    public void Objects_interfaces_and_unions_may_be_fragment_conditions()
    {
        ExpectValid(c => new FragmentsOnCompositeTypesRule(c),
            "fragment A on Dog { barks } fragment B on Pet { name } fragment C on CatOrDog { __typename } fragment D on Dog { ... { barks } }");
    }

    [Fact]
    public void Scalars_and_enums_may_not()
    {
        const string query = "fragment scalarFragment on Boolean { bad } fragment x on Dog { ... on String { bad } }";

        ExpectErrors(c => new FragmentsOnCompositeTypesRule(c), query,
            $"Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\". ({At(query, "Boolean")})",
            $"Fragment cannot condition on non composite type \"String\". ({At(query, "String")})");
    }
}
