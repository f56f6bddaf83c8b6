using System.Globalization;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;
using ProfileHub.GraphQL.Validation;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>
/// Runs one validation rule (or all of them) over a query against the schema of graphql-js's validation tests,
/// and states errors compactly as <c>message (line:column, ...)</c>.
/// </summary>
internal static class ValidationHarness
{
    public const string TestSchemaSdl = """
        interface Mammal { mother: Mammal father: Mammal }
        interface Pet { name(surname: Boolean): String }
        interface Canine implements Mammal { name(surname: Boolean): String mother: Canine father: Canine }
        enum DogCommand { SIT HEEL DOWN }
        type Dog implements Pet & Mammal & Canine {
          name(surname: Boolean): String
          nickname: String
          barkVolume: Int
          barks: Boolean
          doesKnowCommand(dogCommand: DogCommand): Boolean
          isHouseTrained(atOtherHomes: Boolean = true): Boolean
          isAtLocation(x: Int, y: Int): Boolean
          mother: Dog
          father: Dog
        }
        type Cat implements Pet { name(surname: Boolean): String nickname: String meows: Boolean meowsVolume: Int furColor: FurColor }
        union CatOrDog = Cat | Dog
        type Human { name(surname: Boolean): String pets: [Pet] relatives: [Human]! iq: Int }
        type Alien { name(surname: Boolean): String numEyes: Int iq: Int }
        union DogOrHuman = Dog | Human
        union HumanOrAlien = Human | Alien
        enum FurColor { BROWN BLACK TAN SPOTTED NO_FUR UNKNOWN }
        input ComplexInput {
          requiredField: Boolean!
          nonNullField: Boolean! = false
          intField: Int
          stringField: String
          booleanField: Boolean
          stringListField: [String]
        }
        input OneOfInput @oneOf { stringField: String intField: Int }
        type ComplicatedArgs {
          intArgField(intArg: Int): String
          nonNullIntArgField(nonNullIntArg: Int!): String
          stringArgField(stringArg: String): String
          booleanArgField(booleanArg: Boolean): String
          enumArgField(enumArg: FurColor): String
          floatArgField(floatArg: Float): String
          idArgField(idArg: ID): String
          stringListArgField(stringListArg: [String]): String
          stringListNonNullArgField(stringListNonNullArg: [String!]): String
          complexArgField(complexArg: ComplexInput): String
          oneOfArgField(oneOfArg: OneOfInput): String
          multipleReqs(req1: Int!, req2: Int!): String
          nonNullFieldWithDefault(arg: Int! = 0): String
          multipleOpts(opt1: Int = 0, opt2: Int = 0): String
          multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
        }
        type QueryRoot {
          human(id: ID): Human
          alien: Alien
          dog: Dog
          cat: Cat
          pet: Pet
          catOrDog: CatOrDog
          dogOrHuman: DogOrHuman
          humanOrAlien: HumanOrAlien
          complicatedArgs: ComplicatedArgs
        }
        type SubscriptionRoot { importantEmails: [String] notImportantEmails: [String] moreImportantEmails: [String] }
        schema { query: QueryRoot subscription: SubscriptionRoot }
        directive @onQuery on QUERY
        directive @onMutation on MUTATION
        directive @onField on FIELD
        directive @onFragmentSpread on FRAGMENT_SPREAD
        directive @onInlineFragment on INLINE_FRAGMENT
        directive @onVariableDefinition on VARIABLE_DEFINITION
        directive @repeatable repeatable on FIELD | QUERY
        directive @withArgs(required: String!, optional: Int = 1) on FIELD
        """;

    private static readonly Lazy<Schema> LazySchema = new(() => SdlSchema.Build(TestSchemaSdl));

    public static Schema TestSchema => LazySchema.Value;

    public static IReadOnlyList<string> Validate(Func<ValidationContext, ValidationRule>? rule, string query, Schema? schema = null)
    {
        var errors = DocumentValidator.Validate(schema ?? TestSchema, Parser.Parse(query), rule is null ? null : [rule]);
        return errors.Select(Describe).ToList();
    }

    public static void ExpectValid(Func<ValidationContext, ValidationRule> rule, string query, Schema? schema = null) =>
        Assert.Empty(Validate(rule, query, schema));

    public static void ExpectErrors(Func<ValidationContext, ValidationRule> rule, string query, params string[] expected) =>
        Assert.Equal(string.Join('\n', expected), string.Join('\n', Validate(rule, query)));

    public static string Describe(ValidationError error) =>
        error.Message + " (" + string.Join(", ", error.Locations.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Line}:{l.Column}"))) + ")";

    /// <summary>The <c>line:column</c> of the <paramref name="nth"/> occurrence of <paramref name="text"/> in the query.</summary>
    public static string At(string query, string text, int nth = 1)
    {
        var index = -1;
        for (var i = 0; i < nth; i++)
        {
            index = query.IndexOf(text, index + 1, StringComparison.Ordinal);
        }

        var line = 1 + query[..index].Count(c => c == '\n');
        var lineStart = index == 0 ? 0 : query.LastIndexOf('\n', index - 1) + 1;
        var column = index - lineStart + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
    }
}
