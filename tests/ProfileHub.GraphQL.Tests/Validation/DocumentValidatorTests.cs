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

    [Fact]
    public void Mutated_documents_only_ever_produce_validation_errors()
    {
        string[] seeds =
        [
            "query Q($c: DogCommand = SIT, $b: Boolean!) { dog @skip(if: $b) { ...F doesKnowCommand(dogCommand: $c) mother { name } } catOrDog { ... on Cat { meows } } }",
            "fragment F on Dog { name barkVolume isHouseTrained(atOtherHomes: false) ...G } fragment G on Pet { name ...F }",
            "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, stringListField: [\"a\", null]}) oneOfArgField(oneOfArg: {intField: 1}) } }",
            "subscription S { importantEmails ... on SubscriptionRoot { notImportantEmails } } { __schema { types { fields { type { fields { name } } } } } }",
            "query ($v: [Int!]) { human(id: $v) { pets { ... on Dog { x: name x: barks } } relatives { name } } dogOrHuman { ... on Human { iq } } }",
        ];
        string[] fragments = ["{", "}", "...", " on ", "Dog", "Cat", "$v", "$b", "@skip(if: true)", "@include", "(a: 1)", ":", "null", "[", "]", "name", "__typename", " F ", "fragment F on Pet { name } "];
        var random = new Random(1122);
        var validated = 0;
        for (var i = 0; i < 3000; i++)
        {
            var source = seeds[random.Next(seeds.Length)];
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(source.Length + 1);
                var from = random.Next(source.Length);
                source = random.Next(3) switch
                {
                    0 => source.Insert(at, fragments[random.Next(fragments.Length)]),
                    1 when at < source.Length => source.Remove(at, Math.Min(random.Next(1, 8), source.Length - at)),
                    _ => source.Insert(at, source.Substring(from, Math.Min(20, source.Length - from))),
                };
            }

            DocumentNode document;
            try
            {
                document = Parser.Parse(source);
            }
            catch (GraphQLSyntaxException)
            {
                continue;
            }

            var errors = DocumentValidator.Validate(TestSchema, document);
            Assert.All(errors, error => Assert.False(string.IsNullOrEmpty(error.Message)));
            validated++;
        }

        // Enough mutants must parse for the validator to have been exercised.
        Assert.InRange(validated, 300, 3000);
    }

    [Fact]
    public void Validation_stops_at_the_next_node_once_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var rule = (CancelAtFirstField?)null;
        var document = Parser.Parse("{ " + string.Concat(Enumerable.Repeat("dog { name } ", 100)) + "}");

        Assert.Throws<OperationCanceledException>(() => DocumentValidator.Validate(
            TestSchema, document, [c => rule = new CancelAtFirstField(c, cancellation)], cancellationToken: cancellation.Token));

        Assert.Equal(1, rule!.FieldsEntered);
    }

    /// <summary>Cancels as it enters the first field, and counts the fields the walk still enters after that.</summary>
    private sealed class CancelAtFirstField(ValidationContext context, CancellationTokenSource cancellation) : ValidationRule(context)
    {
        public int FieldsEntered { get; private set; }

        public override bool Enter(SyntaxNode node)
        {
            if (node is FieldNode)
            {
                FieldsEntered++;
                cancellation.Cancel();
            }

            return true;
        }
    }
}
