using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Tests.Language;

public class PrinterTests
{
    [Fact]
    public void An_executable_document_prints_in_graphql_js_layout()
    {
        var document = Parser.Parse("""
            query   Q($a:Int=1,$b:[String!]! @v)@op{ alias : f(x:1,y:"s" , z:[1,2],w:{a:{b:null}}) @skip(if:$a) { ...Frag ... on T { g } ... @include(if: true) { h } } }
            fragment Frag on T @fd { i }
            { shorthand }
            mutation { m }
            """);

        Assert.Equal("""
            query Q($a: Int = 1, $b: [String!]! @v) @op {
              alias: f(x: 1, y: "s", z: [1, 2], w: { a: { b: null } }) @skip(if: $a) {
                ...Frag
                ... on T {
                  g
                }
                ... @include(if: true) {
                  h
                }
              }
            }

            fragment Frag on T @fd {
              i
            }

            {
              shorthand
            }

            mutation {
              m
            }
            """, Printer.Print(document));
    }

    [Fact]
    public void Long_argument_lists_wrap_one_per_line()
    {
        var document = Parser.Parse("{ profiles(firstArgumentName: 1234567890, secondArgumentName: 1234567890, third: 1) { id } }");

        Assert.Equal("""
            {
              profiles(
                firstArgumentName: 1234567890
                secondArgumentName: 1234567890
                third: 1
              ) {
                id
              }
            }
            """, Printer.Print(document));
    }

    [Fact]
    public void A_type_system_document_prints_in_graphql_js_layout()
    {
        var source = """"
            "The schema"
            schema @link {
              query: Query
            }

            """
            A date

              indented
            """
            scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

            type Profile implements Node & Entity @key(fields: "id") {
              "The id"
              id: ID!
              emails(first: Int = 10, verified: Boolean): [String!]! @deprecated(reason: "no")
              phones(
                "described"
                first: Int
              ): [String]
            }

            union Result = Profile | Error

            enum Channel {
              WEB
              EMAIL @deprecated
            }

            input Filter @oneOf {
              email: String
              phone: String = "x"
            }

            directive @key(fields: String!) repeatable on OBJECT | INTERFACE

            extend schema @tag

            extend type Profile implements Tagged

            extend union Result = Other

            extend input Filter {
              loyaltyId: ID
            }
            """";

        Assert.Equal(source, Printer.Print(Parser.Parse(source)));
    }

    [Theory]
    [InlineData("quote\" back\\ nl\n tab\t bell\u0007 del\u007F é", "\"quote\\\" back\\\\ nl\\n tab\\t bell\\u0007 del\\u007F é\"")]
    [InlineData("", "\"\"")]
    public void Strings_print_with_graphql_js_escapes(string value, string printed)
    {
        Assert.Equal(printed, Printer.PrintString(value));
        Assert.Equal(value, ((StringValueNode)Parser.ParseValue(printed)).Value);
    }

    [Theory]
    [InlineData("simple", "\"\"\"simple\"\"\"")]
    [InlineData("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"")]
    [InlineData("  leading space", "\"\"\"  leading space\"\"\"")]
    [InlineData("ends with quote\"", "\"\"\"\nends with quote\"\n\"\"\"")]
    [InlineData("has \"\"\" inside", "\"\"\"has \\\"\"\" inside\"\"\"")]
    [InlineData("first\n  indented", "\"\"\"\nfirst\n  indented\n\"\"\"")]
    public void Block_strings_print_so_they_parse_back_to_the_same_value(string value, string printed)
    {
        var node = new StringValueNode(value, Block: true);

        Assert.Equal(printed, Printer.Print(node));
        Assert.Equal(value, ((StringValueNode)Parser.ParseValue(printed)).Value);
    }

    [Fact]
    public void Nodes_built_in_code_print_without_locations()
    {
        var value = new ObjectValueNode([new ObjectFieldNode(new NameNode("eq"), new EnumValueNode("ASC"))]);

        Assert.Equal("{ eq: ASC }", Printer.Print(value));
    }
}
