using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Types;

public class SchemaPrinterTests
{
    [Fact]
    public void Printed_sdl_is_what_graphql_js_prints_for_the_same_schema()
    {
        // The fixture is graphql-js 17.1.0's printSchema(buildSchema(sdl)), byte for byte.
        Assert.Equal(Fixtures.Read("rich-schema.graphql"), RichSchema.Build().ToSdl());
    }

    [Fact]
    public void Root_types_with_other_names_print_a_schema_definition()
    {
        var schema = new SchemaBuilder().RootTypes("Root").Object("Root", r => r.Field("a", "Int")).Build();
        Assert.Equal("schema {\n  query: Root\n}\n\ntype Root {\n  a: Int\n}", schema.ToSdl());
    }

    [Theory]
    [InlineData("simple", "\"\"\"simple\"\"\"")]
    [InlineData(" leading space", "\"\"\" leading space\"\"\"")]
    [InlineData("ends with quote\"", "\"\"\"\nends with quote\"\n\"\"\"")]
    [InlineData("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"")]
    [InlineData("has \"\"\" inside", "\"\"\"has \\\"\"\" inside\"\"\"")]
    public void Descriptions_print_as_block_strings_like_graphql_js(string description, string expected)
    {
        Assert.Equal(expected, BlockStrings.Print(description));
    }

    [Fact]
    public void Descriptions_that_a_block_string_would_alter_print_as_plain_strings()
    {
        var schema = new SchemaBuilder().Object("Query", q => q.Description("\n  starts on a blank line").Field("a", "Int")).Build();
        Assert.StartsWith("\"\\n  starts on a blank line\"\ntype Query", schema.ToSdl(), StringComparison.Ordinal);
    }
}
