using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class UniqueFragmentNamesRuleTests
{
    [Fact]
    public void Distinct_fragment_names_are_fine()
    {
        ExpectValid(c => new UniqueFragmentNamesRule(c), "{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { barks }");
    }

    [Fact]
    public void A_repeated_fragment_name_points_at_both_names()
    {
        const string query = "{ dog { ...A } } fragment A on Dog { name } fragment A on Dog { barks }";

        ExpectErrors(c => new UniqueFragmentNamesRule(c), query,
            $"There can be only one fragment named \"A\". ({At(query, "A on")}, {At(query, "A on", 2)})");
    }
}
