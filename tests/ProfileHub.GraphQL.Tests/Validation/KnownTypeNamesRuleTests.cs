using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class KnownTypeNamesRuleTests
{
    [Fact]
    public void Known_type_names_are_fine()
    {
        ExpectValid(c => new KnownTypeNamesRule(c),
            "query Foo($var: String, $required: [Int!]!) { dog { ... on Dog { name } ...PetFields } } fragment PetFields on Pet { name }");
    }

    [Fact]
    public void Unknown_type_names_are_reported_with_suggestions()
    {
        const string query = "query Foo($var: JumbledUpLetters) { dog { ... on Badger { name } ...PetFields } } fragment PetFields on Peat { name }";

        ExpectErrors(c => new KnownTypeNamesRule(c), query,
            $"Unknown type \"JumbledUpLetters\". ({At(query, "JumbledUpLetters")})",
            $"Unknown type \"Badger\". ({At(query, "Badger")})",
            $"Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"? ({At(query, "Peat")})");
    }

    [Fact]
    public void Types_a_request_defines_are_known_and_standard_names_are_known_inside_definitions()
    {
        const string query = "type Mine implements Minn { a: Boolean b: Unknown } query ($m: Mine, $x: Mien) { dog { name } }";

        ExpectErrors(c => new KnownTypeNamesRule(c), query,
            $"Unknown type \"Minn\". Did you mean \"Mine\" or \"Int\"? ({At(query, "Minn")})",
            $"Unknown type \"Unknown\". ({At(query, "Unknown")})",
            $"Unknown type \"Mien\". Did you mean \"Mine\" or \"Alien\"? ({At(query, "Mien")})");
    }
}
