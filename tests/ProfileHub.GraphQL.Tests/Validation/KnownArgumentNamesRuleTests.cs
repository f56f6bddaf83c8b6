using ProfileHub.GraphQL.Validation.Rules;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class KnownArgumentNamesRuleTests
{
    [Fact]
    public void Known_field_and_directive_arguments_are_fine()
    {
        ExpectValid(c => new KnownArgumentNamesRule(c),
            "{ dog { doesKnowCommand(dogCommand: SIT) isHouseTrained(atOtherHomes: true) @include(if: true) } unknownField(anything: 1) }");
    }

    [Fact]
    public void Unknown_arguments_are_reported_with_suggestions()
    {
        const string query = "{ dog { doesKnowCommand(dogcommand: SIT) name(unknown: true) @skip(iff: true) } }";

        ExpectErrors(c => new KnownArgumentNamesRule(c), query,
            $"Unknown argument \"dogcommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"? ({At(query, "dogcommand")})",
            $"Unknown argument \"unknown\" on field \"Dog.name\". ({At(query, "unknown")})",
            $"Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"? ({At(query, "iff")})");
    }

    [Fact]
    public void Introspection_fields_are_named_as_meta_coordinates()
    {
        ExpectErrors(c => new KnownArgumentNamesRule(c), "{ __type(name: \"Dog\", kind: OBJECT) { name } }",
            "Unknown argument \"kind\" on field \"<meta>.__type\". (1:23)");
    }
}
