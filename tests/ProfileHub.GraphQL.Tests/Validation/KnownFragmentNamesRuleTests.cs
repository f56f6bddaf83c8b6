using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class KnownFragmentNamesRuleTests
{
    [Fact]
    public void Spreads_of_defined_fragments_are_fine()
    {
        ExpectValid(c => new KnownFragmentNamesRule(c), "{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }");
    }

    [Fact]
    public void Spreads_of_undefined_fragments_point_at_the_name()
    {
        const string query = "{ dog { ...Unknown } } fragment A on Dog { ...AlsoUnknown }";

        ExpectErrors(c => new KnownFragmentNamesRule(c), query,
            $"Unknown fragment \"Unknown\". ({At(query, "Unknown")})",
            $"Unknown fragment \"AlsoUnknown\". ({At(query, "AlsoUnknown")})");
    }
}
