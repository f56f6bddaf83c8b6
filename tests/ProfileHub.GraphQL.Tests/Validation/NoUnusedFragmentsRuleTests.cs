using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class NoUnusedFragmentsRuleTests
{
    [Fact]
    public void Fragments_reached_directly_or_through_other_fragments_are_used()
    {
        ExpectValid(c => new NoUnusedFragmentsRule(c),
            "query A { dog { ...F1 } } query B { cat { ...F3 } } fragment F1 on Dog { ...F2 } fragment F2 on Dog { name } fragment F3 on Cat { name }");
    }

    [Fact]
    public void Fragments_only_reached_from_unused_fragments_are_unused_too()
    {
        const string query = "{ dog { name } } fragment Unused1 on Dog { ...Unused2 } fragment Unused2 on Dog { name }";

        ExpectErrors(c => new NoUnusedFragmentsRule(c), query,
            $"Fragment \"Unused1\" is never used. ({At(query, "fragment Unused1")})",
            $"Fragment \"Unused2\" is never used. ({At(query, "fragment Unused2")})");
    }
}
