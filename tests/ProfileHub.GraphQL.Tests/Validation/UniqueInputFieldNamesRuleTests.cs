using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class UniqueInputFieldNamesRuleTests
{
    [Fact]
    public void The_same_name_in_nested_objects_is_fine()
    {
        ExpectValid(c => new UniqueInputFieldNamesRule(c), "{ field(arg: { f: true, deep: { f: true } }) }");
    }

    [Fact]
    public void A_repeated_input_field_is_reported()
    {
        const string query = "{ field(arg: { f1: \"value\", f1: \"value\" }) }";

        ExpectErrors(c => new UniqueInputFieldNamesRule(c), query,
            $"There can be only one input field named \"f1\". ({At(query, "f1")}, {At(query, "f1", 2)})");
    }
}
