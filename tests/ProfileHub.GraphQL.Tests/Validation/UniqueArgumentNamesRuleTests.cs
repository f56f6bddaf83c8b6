using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class UniqueArgumentNamesRuleTests
{
    [Fact]
    public void The_same_argument_on_different_fields_and_directives_is_fine()
    {
        ExpectValid(c => new UniqueArgumentNamesRule(c), "{ one: field(arg: 1) two: field(arg: 2) @directive(arg: 3) }");
    }

    [Fact]
    public void A_repeated_argument_lists_every_occurrence()
    {
        const string query = "{ field(arg1: \"v\", arg1: \"v\", arg1: \"v\") @directive(arg: 1, arg: 2) }";

        ExpectErrors(c => new UniqueArgumentNamesRule(c), query,
            $"There can be only one argument named \"arg1\". ({At(query, "arg1")}, {At(query, "arg1", 2)}, {At(query, "arg1", 3)})",
            $"There can be only one argument named \"arg\". ({At(query, "arg:")}, {At(query, "arg:", 2)})");
    }
}
