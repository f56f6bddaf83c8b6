using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class ExecutableDefinitionsRuleTests
{
    [Fact]
    public void Operations_and_fragments_are_executable()
    {
        ExpectValid(c => new ExecutableDefinitionsRule(c), "query Foo { dog { ...Frag } } fragment Frag on Dog { name }");
    }

    [Fact]
    public void Type_and_schema_definitions_are_rejected_one_error_each()
    {
        const string query = "query Foo { dog { name } }\ntype Cow { name: String }\nextend type Dog { color: String }\nschema { query: QueryRoot }";

        ExpectErrors(
            c => new ExecutableDefinitionsRule(c),
            query,
            $"The \"Cow\" definition is not executable. ({At(query, "type Cow")})",
            $"The \"Dog\" definition is not executable. ({At(query, "extend type")})",
            $"The schema definition is not executable. ({At(query, "schema")})");
    }
}
