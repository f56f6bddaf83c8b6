using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class LoneAnonymousOperationRuleTests
{
    [Fact]
    public void A_single_anonymous_operation_with_fragments_is_fine()
    {
        ExpectValid(c => new LoneAnonymousOperationRule(c), "{ ...Fields } fragment Fields on QueryRoot { dog { name } }");
    }

    [Fact]
    public void An_anonymous_operation_beside_another_operation_is_rejected()
    {
        const string query = "{ dog { name } } query Named { cat { name } }";

        ExpectErrors(c => new LoneAnonymousOperationRule(c), query,
            "This anonymous operation must be the only defined operation. (1:1)");
    }
}
