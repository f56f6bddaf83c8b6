using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Types;

public class SchemaBuilderTests
{
    [Fact]
    public void Type_references_read_as_sdl()
    {
        var field = StarWars.Schema.QueryType.GetField("search")!;
        Assert.Equal("[SearchResult!]!", field.Type.ToString());
        Assert.Equal(TypeKind.Union, field.Type.Named.Kind);
    }

    [Fact]
    public void An_object_missing_an_interface_field_is_rejected_with_a_clear_message()
    {
        var error = Assert.Throws<SchemaValidationException>(() => new SchemaBuilder()
            .Object("Query", q => q.Field("n", "Node"))
            .Interface("Node", n => n.Field("id", "ID!"))
            .Object("User", u => u.Implements("Node").Field("name", "String"))
            .Build());
        Assert.Contains("Interface field Node.id expected but User does not provide it.", error.Errors);
    }

    [Fact]
    public void Implementations_may_narrow_field_types_but_not_widen_them()
    {
        var schema = new SchemaBuilder()
            .Object("Query", q => q.Field("n", "Node"))
            .Interface("Node", n => n.Field("id", "ID"))
            .Object("User", u => u.Implements("Node").Field("id", "ID!"))
            .Build();
        Assert.True(schema.IsSubType(schema.GetType("Node")!, schema.GetType("User")!));
        var error = Assert.Throws<SchemaValidationException>(() => new SchemaBuilder()
            .Object("Query", q => q.Field("n", "Node"))
            .Interface("Node", n => n.Field("id", "ID!"))
            .Object("User", u => u.Implements("Node").Field("id", "ID"))
            .Build());
        Assert.Contains("Interface field Node.id expects type ID! but User.id is type ID.", error.Errors);
    }

    [Fact]
    public void Interfaces_implemented_transitively_must_be_declared()
    {
        var error = Assert.Throws<SchemaValidationException>(() => new SchemaBuilder()
            .Object("Query", q => q.Field("n", "Node"))
            .Interface("Node", n => n.Field("id", "ID!"))
            .Interface("Entity", e => e.Implements("Node").Field("id", "ID!"))
            .Object("User", u => u.Implements("Entity").Field("id", "ID!"))
            .Build());
        Assert.Contains("Type User must implement Node because it is implemented by Entity.", error.Errors);
    }

    [Fact]
    public void Unknown_types_duplicates_and_reserved_names_are_all_reported_together()
    {
        var error = Assert.Throws<SchemaValidationException>(() => new SchemaBuilder()
            .Object("Query", q => q.Field("a", "Missing").Field("__b", "Int"))
            .Object("Query", q => q.Field("a", "Int"))
            .Build());
        Assert.Contains("Query.a refers to unknown type \"Missing\".", error.Errors);
        Assert.Contains("There can be only one type named \"Query\".", error.Errors);
        Assert.Contains(error.Errors, e => e.Contains("\"__b\" must not begin with \"__\"", StringComparison.Ordinal));
    }

    [Fact]
    public void OneOf_fields_must_be_nullable_and_input_cycles_through_non_null_fields_are_rejected()
    {
        var error = Assert.Throws<SchemaValidationException>(() => new SchemaBuilder()
            .Object("Query", q => q.Field("a", "Int", f => f.Argument("k", "Key").Argument("l", "Loop")))
            .Input("Key", i => i.OneOf().Field("id", "ID!"))
            .Input("Loop", i => i.Field("next", "Loop!"))
            .Build());
        Assert.Contains("OneOf input field Key.id must be nullable.", error.Errors);
        Assert.Contains("Cannot reference Input Object \"Loop\" within itself through a series of non-null fields: \"next\".", error.Errors);
    }

    [Fact]
    public void Invalid_default_values_are_rejected_at_build_time()
    {
        var error = Assert.Throws<SchemaValidationException>(() => new SchemaBuilder()
            .Object("Query", q => q.Field("a", "Int", f => f.Argument("n", "Int", "ten")))
            .Build());
        Assert.Contains("Query.a(n:) has an invalid default value: Int cannot represent non-integer value: \"ten\"", error.Errors);
    }

    [Fact]
    public void Clr_enums_become_screaming_snake_case_values()
    {
        var values = ((EnumType)StarWars.Schema.GetType("Episode")!).Values.Keys;
        Assert.Equal(["NEW_HOPE", "EMPIRE", "JEDI"], values);
    }

    [Fact]
    public void Custom_scalars_join_the_schema_only_when_referenced()
    {
        var schema = new SchemaBuilder().Object("Query", q => q.Field("at", "DateTime")).Build();
        Assert.NotNull(schema.GetType("DateTime"));
        Assert.Null(schema.GetType("Long"));
    }
}
