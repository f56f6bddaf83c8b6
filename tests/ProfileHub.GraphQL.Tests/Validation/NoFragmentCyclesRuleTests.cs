using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class NoFragmentCyclesRuleTests
{
    [Fact]
    public void Repeated_but_acyclic_spreads_are_fine()
    {
        ExpectValid(c => new NoFragmentCyclesRule(c),
            "fragment A on Dog { ...B ...B } fragment B on Dog { ...C } fragment C on Dog { name } fragment D on Dog { ...C }");
    }

    [Fact]
    public void A_fragment_spreading_itself_is_a_cycle()
    {
        ExpectErrors(c => new NoFragmentCyclesRule(c), "fragment A on Dog { ...A }",
            "Cannot spread fragment \"A\" within itself. (1:21)");
    }

    [Fact]
    public void A_longer_cycle_is_reported_once_with_its_path()
    {
        const string query = "fragment A on Dog { ...B } fragment B on Dog { ...C } fragment C on Dog { ...A }";

        ExpectErrors(c => new NoFragmentCyclesRule(c), query,
            $"Cannot spread fragment \"A\" within itself via \"B\", \"C\". ({At(query, "...B")}, {At(query, "...C")}, {At(query, "...A")})");
    }

    [Fact]
    public void A_long_chain_of_fragments_is_walked_without_trouble()
    {
        var fragments = string.Concat(Enumerable.Range(0, 1500).Select(i => $"fragment F{i} on Dog {{ ...F{i + 1} }} "));
        var query = fragments + "fragment F1500 on Dog { ...F0 }";

        var errors = Validate(c => new NoFragmentCyclesRule(c), query);

        Assert.StartsWith("Cannot spread fragment \"F0\" within itself via \"F1\", \"F2\"", Assert.Single(errors), StringComparison.Ordinal);
    }
}
