using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class UniqueOperationNamesRuleTests
{
    [Fact]
    public void Differently_named_operations_and_a_fragment_of_the_same_name_are_fine()
    {
        ExpectValid(c => new UniqueOperationNamesRule(c), "query Foo { dog { name } } query Bar { cat { name } } fragment Foo on Dog { name }");
    }

    [Fact]
    public void Two_operations_of_any_kind_with_one_name_conflict()
    {
        const string query = "query Foo { dog { name } } subscription Foo { importantEmails }";

        ExpectErrors(c => new UniqueOperationNamesRule(c), query,
            $"There can be only one operation named \"Foo\". ({At(query, "Foo")}, {At(query, "Foo", 2)})");
    }
}
