using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class KnownOperationTypesRuleTests
{
    [Fact]
    public void Query_and_subscription_exist_in_the_test_schema()
    {
        ExpectValid(c => new KnownOperationTypesRule(c), "query { dog { name } } subscription { importantEmails }");
    }

    [Fact]
    public void A_mutation_without_a_mutation_root_type_is_rejected()
    {
        ExpectErrors(c => new KnownOperationTypesRule(c), "mutation M { dog }",
            "The mutation operation is not supported by the schema. (1:1)");
    }
}
