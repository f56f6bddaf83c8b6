using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class MaxIntrospectionDepthRuleTests
{
    [Fact]
    public void The_usual_introspection_shape_is_allowed()
    {
        ExpectValid(c => new MaxIntrospectionDepthRule(c),
            "{ __schema { types { fields { type { name } } interfaces { name } possibleTypes { name } inputFields { name } } } }");
    }

    [Fact]
    public void Three_nested_list_fields_are_rejected_also_through_fragments()
    {
        const string query = "{ __type(name: \"Dog\") { ...F } } fragment F on __Type { fields { type { fields { type { interfaces { name } } } } } }";

        ExpectErrors(c => new MaxIntrospectionDepthRule(c), query, "Maximum introspection depth exceeded (1:3)");
    }
}
