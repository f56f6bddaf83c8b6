using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class VariablesAreInputTypesRuleTests
{
    [Fact]
    public void Scalars_enums_and_input_objects_are_input_types()
    {
        ExpectValid(c => new VariablesAreInputTypesRule(c), "query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput, $d: FurColor) { dog { name } }");
    }

    [Fact]
    public void Output_types_are_not()
    {
        const string query = "query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { dog { name } }";

        ExpectErrors(c => new VariablesAreInputTypesRule(c), query,
            $"Variable \"$a\" cannot be non-input type \"Dog\". ({At(query, "Dog")})",
            $"Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\". ({At(query, "[[")})",
            $"Variable \"$c\" cannot be non-input type \"Pet\". ({At(query, "Pet")})");
    }
}
