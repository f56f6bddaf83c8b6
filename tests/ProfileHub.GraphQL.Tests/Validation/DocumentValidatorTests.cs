using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Validation;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class DocumentValidatorTests
{
    [Fact]
    public void A_realistic_valid_document_passes_every_rule()
    {
        var errors = Validate(null, """
            query Dogs($command: DogCommand = SIT, $skip: Boolean!, $complex: ComplexInput) @onQuery {
              dog @skip(if: $skip) {
                ...DogFields
                doesKnowCommand(dogCommand: $command)
                mother { ... on Canine { name } }
              }
              catOrDog { __typename ... on Cat { furColor } ...PetName }
              complicatedArgs { complexArgField(complexArg: $complex) multipleReqs(req1: 1, req2: 2) }
              __type(name: "Dog") { name fields { name } }
            }
            fragment DogFields on Dog { name(surname: true) barkVolume isHouseTrained }
            fragment PetName on Pet { name }
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public void Errors_of_several_rules_come_out_in_graphql_js_17_order()
    {
        var errors = Validate(null, "query Q($unused: Int) { dog { unknown ...Missing } } fragment Lonely on Cat { meows }");

        Assert.Equal(
        [
            "Variable \"$unused\" is never used in operation \"Q\". (1:9)",
            "Cannot query field \"unknown\" on type \"Dog\". (1:31)",
            "Unknown fragment \"Missing\". (1:42)",
            "Fragment \"Lonely\" is never used. (1:54)",
        ], errors);
    }

    [Fact]
    public void Validation_stops_after_the_error_limit_with_an_error_saying_so()
    {
        var document = Parser.Parse("{ dog { " + string.Join(' ', Enumerable.Range(0, 20).Select(i => $"unknown{i}")) + " } }");

        var errors = DocumentValidator.Validate(TestSchema, document, maxErrors: 5);

        Assert.Equal(6, errors.Count);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[^1].Message);
    }
}
