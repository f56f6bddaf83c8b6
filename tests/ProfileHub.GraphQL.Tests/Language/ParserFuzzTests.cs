using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Tests.Language;

/// <summary>
/// Seeded, deterministic fuzzing of <see cref="Parser"/>: random token soups and mutated real documents. The only
/// exception allowed out of the parser is <see cref="GraphQLSyntaxException"/>, and whatever parses must print and
/// re-parse to the same text.
/// </summary>
public class ParserFuzzTests
{
    private static readonly string[] Seeds =
    [
        "query Q($a: Int = 1, $b: [String!]! @v) @op { alias: f(x: 1, y: \"s\", z: [1, 2.5e3], w: {a: {b: null}}) @skip(if: $a) { ...Frag ... on T { g } } }",
        "fragment Frag on T @fd { i j(k: ENUM_VALUE) }",
        "subscription S { events(after: \"\"\"block\n  string\"\"\") { id } }",
        "\"desc\" type Profile implements Node & Entity @key(fields: \"id\") { id: ID! emails(first: Int = 10): [String!]! @deprecated }",
        "union U = A | B enum E { X Y } input I @oneOf { a: String b: Int = 2 } scalar S directive @d(a: Int) repeatable on FIELD | QUERY",
        "extend schema @a { query: Q } extend type T implements I { f: Int } extend enum E { Z } extend input I { c: ID }",
        "{ a(s: \"\\u{1F600}\\uD83D\\uDE00\\n\") # comment\n b }",
    ];

    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "|", "&", "...", ".", "..", ",", "\n", "\r", " ", "#",
        "query", "mutation", "subscription", "fragment", "on", "type", "extend", "schema", "input", "enum", "directive",
        "true", "null", "name", "_x", "0", "-1", "1.5", "1e", "00", "0x", "\"", "\"\"\"", "\"s\"", "\\", "\\u", "\\u{",
        "\uFEFF", "\u0000", "\uD800", "\uDC00", "\U0001F600", "é", "'",
    ];

    [Fact]
    public void Random_token_soups_only_ever_raise_syntax_errors()
    {
        var random = new Random(20251122);
        for (var i = 0; i < 4000; i++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Fragments[random.Next(Fragments.Length)]);
            AssertParsesOrFailsCleanly(string.Concat(parts));
        }
    }

    [Fact]
    public void Mutated_documents_only_ever_raise_syntax_errors()
    {
        var random = new Random(7);
        var parsed = 0;
        for (var i = 0; i < 6000; i++)
        {
            var source = Seeds[random.Next(Seeds.Length)];
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                source = Mutate(source, random);
            }

            parsed += AssertParsesOrFailsCleanly(source) ? 1 : 0;
        }

        // The mutations must leave a fair share valid, or the round-trip check below them would be idle.
        Assert.InRange(parsed, 300, 5700);
    }

    [Fact]
    public void Every_seed_round_trips_through_the_printer()
    {
        foreach (var seed in Seeds)
        {
            Assert.True(AssertParsesOrFailsCleanly(seed), seed);
        }
    }

    private static bool AssertParsesOrFailsCleanly(string source)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(source, new ParserOptions { MaxDepth = 32, MaxTokens = 2000 });
        }
        catch (GraphQLSyntaxException error)
        {
            Assert.StartsWith("Syntax Error: ", error.Message, StringComparison.Ordinal);
            Assert.InRange(error.Position, 0, source.Length);
            Assert.True(error.Line >= 1 && error.Column >= 1, source);
            return false;
        }

        var printed = Printer.Print(document);
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
        return true;
    }

    private static string Mutate(string source, Random random)
    {
        if (source.Length == 0)
        {
            return Fragments[random.Next(Fragments.Length)];
        }

        var at = random.Next(source.Length + 1);
        return random.Next(5) switch
        {
            0 => source.Remove(Math.Min(at, source.Length - 1), 1),
            1 => source.Insert(at, Fragments[random.Next(Fragments.Length)]),
            2 => source.Insert(at, source[random.Next(source.Length)..]),
            3 => source[..at],
            _ => source.Remove(Math.Min(at, source.Length - 1), 1).Insert(Math.Min(at, source.Length - 1), Fragments[random.Next(Fragments.Length)]),
        };
    }
}
