using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class UniqueVariableNamesRuleTests
{
    [Fact]
    public void Distinct_names_per_operation_are_fine()
    {
        ExpectValid(c => new UniqueVariableNamesRule(c), "query A($x: Int, $y: String) { dog { name } } query B($x: String) { dog { name } }");
    }

    [Fact]
    public void Every_occurrence_of_a_repeated_name_is_located()
    {
        const string query = "query A($x: Int, $x: Boolean, $x: String) { dog { name } }";

        ExpectErrors(c => new UniqueVariableNamesRule(c), query,
            $"There can be only one variable named \"$x\". ({At(query, "x:")}, {At(query, "x:", 2)}, {At(query, "x:", 3)})");
    }
}
