using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Tests.Language;

public class ParserTests
{
    [Fact]
    public void A_query_with_aliases_arguments_and_fragments_parses_into_graphql_js_shaped_nodes()
    {
        var document = Parser.Parse("""
            query Profiles($first: Int = 10, $email: String!) @cached {
              top: profiles(first: $first, where: {email: {eq: $email}}) {
                id
                ...ProfileFields
                ... on GoldenProfile @include(if: true) { score }
              }
            }
            fragment ProfileFields on Profile { name }
            """);

        Assert.Equal(2, document.Definitions.Count);
        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Equal("Profiles", operation.Name?.Value);
        Assert.Equal(["first", "email"], operation.VariableDefinitions.Select(v => v.Variable.Name.Value));
        Assert.Equal("10", Assert.IsType<IntValueNode>(operation.VariableDefinitions[0].DefaultValue).Value);
        Assert.IsType<NonNullTypeNode>(operation.VariableDefinitions[1].Type);
        Assert.Equal("cached", Assert.Single(operation.Directives).Name.Value);

        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("top", field.Alias?.Value);
        Assert.Equal("profiles", field.Name.Value);
        Assert.Equal("top", field.ResponseKey);
        var where = Assert.IsType<ObjectValueNode>(field.Arguments[1].Value);
        var email = Assert.IsType<ObjectValueNode>(Assert.Single(where.Fields).Value);
        Assert.IsType<VariableNode>(Assert.Single(email.Fields).Value);

        var selections = field.SelectionSet!.Selections;
        Assert.IsType<FieldNode>(selections[0]);
        Assert.Equal("ProfileFields", Assert.IsType<FragmentSpreadNode>(selections[1]).Name.Value);
        var inline = Assert.IsType<InlineFragmentNode>(selections[2]);
        Assert.Equal("GoldenProfile", inline.TypeCondition?.Name.Value);

        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal("Profile", fragment.TypeCondition.Name.Value);
    }

    [Fact]
    public void Nodes_carry_their_offsets_line_and_column()
    {
        var document = Parser.Parse("{\n  profile {\n    id\n  }\n}");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        var profile = (FieldNode)operation.SelectionSet.Selections[0];
        var id = (FieldNode)profile.SelectionSet!.Selections[0];

        Assert.Equal(new Location(0, 26, 1, 1), document.Location);
        Assert.Equal(new Location(4, 24, 2, 3), profile.Location);
        Assert.Equal(new Location(18, 20, 3, 5), id.Location);
        Assert.Equal(new Location(4, 11, 2, 3), profile.Name.Location);
    }

    [Fact]
    public void No_location_option_leaves_locations_out()
    {
        var document = Parser.Parse("{ a }", new ParserOptions { NoLocation = true });

        Assert.Null(document.Location);
        Assert.Null(((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Location);
    }

    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ ...MissingOn }\nfragment MissingOn Type", "Syntax Error: Expected \"on\", found Name \"Type\".", 2, 20)]
    [InlineData("{ field: {} }", "Syntax Error: Expected Name, found \"{\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Syntax Error: Unexpected \"...\".", 1, 1)]
    [InlineData("{ \"\"", "Syntax Error: Expected Name, found String \"\".", 1, 3)]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    [InlineData("fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("query Foo($a: Int = $b) { f }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 21)]
    [InlineData("{ f(: 1) }", "Syntax Error: Expected Name, found \":\".", 1, 5)]
    [InlineData("type Hello {}", "Syntax Error: Expected Name, found \"}\".", 1, 13)]
    [InlineData("extend scalar Hello", "Syntax Error: Unexpected <EOF>.", 1, 20)]
    [InlineData("enum Hello { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 14)]
    [InlineData("directive @foo on FIELD | INCORRECT_LOCATION", "Syntax Error: Unexpected Name \"INCORRECT_LOCATION\".", 1, 27)]
    [InlineData("\"desc\" extend type Foo @d", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    public void Invalid_documents_fail_with_graphql_js_messages_and_positions(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), Assert.Single(error.Locations));
    }

    [Fact]
    public void A_document_with_more_tokens_than_the_limit_is_rejected()
    {
        var source = "{ " + string.Join(' ', Enumerable.Range(0, 100).Select(i => $"f{i}")) + " }";

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, new ParserOptions { MaxTokens = 50 }));

        Assert.Equal("Syntax Error: Document contains more than 50 tokens. Parsing aborted.", error.Message);
        Assert.NotNull(Parser.Parse(source, new ParserOptions { MaxTokens = 102 }));
    }

    [Theory]
    [InlineData("", "{a", "", "}", "")]
    [InlineData("{f(a:", "[", "", "]", ")}")]
    [InlineData("{f(a:", "{b:", "1", "}", ")}")]
    [InlineData("query($v:", "[", "Int", "]", "){f}")]
    public void Deep_nesting_fails_as_a_syntax_error_not_a_stack_overflow(string prefix, string open, string middle, string close, string suffix)
    {
        string Nest(int times) =>
            prefix + string.Concat(Enumerable.Repeat(open, times)) + middle + string.Concat(Enumerable.Repeat(close, times)) + suffix;

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(Nest(100_000), new ParserOptions { MaxTokens = int.MaxValue }));

        Assert.Contains("maximum nesting depth of 256", error.Message, StringComparison.Ordinal);
        Assert.NotNull(Parser.Parse(Nest(100)));
    }

    [Fact]
    public void Nesting_within_the_depth_limit_parses()
    {
        var source = string.Concat(Enumerable.Repeat("{a", 20)) + string.Concat(Enumerable.Repeat("}", 20));

        Assert.NotNull(Parser.Parse(source, new ParserOptions { MaxDepth = 20 }));
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, new ParserOptions { MaxDepth = 19 }));
    }

    [Fact]
    public void Descriptions_are_allowed_on_operations_fragments_and_variables()
    {
        var document = Parser.Parse(""""
            "Looks a profile up"
            query Find("the id" $id: ID!) { profile(id: $id) { ...F } }
            """Fields"""
            fragment F on Profile { id }
            """");

        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("Looks a profile up", operation.Description?.Value);
        Assert.Equal("the id", operation.VariableDefinitions[0].Description?.Value);
        Assert.Equal("Fields", ((FragmentDefinitionNode)document.Definitions[1]).Description?.Value);
    }

    [Fact]
    public void A_type_system_document_parses_every_definition_kind()
    {
        var document = Parser.Parse("""
            "The schema"
            schema @link { query: Query mutation: Mutation }
            "A date" scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
            type Profile implements & Node & Entity @key(fields: "id") {
              "The id"
              id: ID!
              emails(first: Int = 10, "only verified" verified: Boolean): [String!]! @deprecated(reason: "no")
            }
            interface Entity implements Node { id: ID! }
            union Result = | Profile | Error
            enum Channel { WEB EMAIL @deprecated }
            input Filter @oneOf { email: String, phone: String = "x" }
            directive @key(fields: String!) repeatable on OBJECT | INTERFACE
            extend schema @tag
            extend scalar Date @tag
            extend type Profile implements Tagged
            extend interface Entity { tags: [String] }
            extend union Result = Other
            extend enum Channel { ADS }
            extend input Filter { loyaltyId: ID }
            """);

        Assert.Equal(
            [
                NodeKind.SchemaDefinition, NodeKind.ScalarTypeDefinition, NodeKind.ObjectTypeDefinition,
                NodeKind.InterfaceTypeDefinition, NodeKind.UnionTypeDefinition, NodeKind.EnumTypeDefinition,
                NodeKind.InputObjectTypeDefinition, NodeKind.DirectiveDefinition, NodeKind.SchemaExtension,
                NodeKind.ScalarTypeExtension, NodeKind.ObjectTypeExtension, NodeKind.InterfaceTypeExtension,
                NodeKind.UnionTypeExtension, NodeKind.EnumTypeExtension, NodeKind.InputObjectTypeExtension,
            ],
            document.Definitions.Select(d => d.Kind));
        var profile = (ObjectTypeDefinitionNode)document.Definitions[2];
        Assert.Equal(["Node", "Entity"], profile.Interfaces.Select(i => i.Name.Value));
        Assert.Equal("The id", profile.Fields[0].Description?.Value);
        Assert.Equal("only verified", profile.Fields[1].Arguments[1].Description?.Value);
        Assert.Equal(["Profile", "Error"], ((UnionTypeDefinitionNode)document.Definitions[4]).Types.Select(t => t.Name.Value));
        var directive = (DirectiveDefinitionNode)document.Definitions[7];
        Assert.True(directive.Repeatable);
        Assert.Equal(["OBJECT", "INTERFACE"], directive.Locations.Select(l => l.Value));
    }

    [Fact]
    public void Parse_value_accepts_variables_and_parse_const_value_rejects_them()
    {
        var list = Assert.IsType<ListValueNode>(Parser.ParseValue("[123 \"abc\" $var {a: null}]"));

        Assert.Equal([NodeKind.IntValue, NodeKind.StringValue, NodeKind.Variable, NodeKind.ObjectValue], list.Values.Select(v => v.Kind));
        Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseConstValue("[$var]"));
    }

    [Fact]
    public void Parse_type_reads_wrapped_types_and_rejects_trailing_tokens()
    {
        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[MyType!]!"));
        var list = Assert.IsType<ListTypeNode>(type.Type);

        Assert.Equal("MyType", list.NamedType.Name.Value);
        Assert.IsType<NonNullTypeNode>(list.Type);
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType("String String"));
        Assert.Equal("Syntax Error: Expected <EOF>, found Name \"String\".", error.Message);
    }

    [Fact]
    public void Keywords_are_ordinary_names_where_a_name_is_expected()
    {
        var document = Parser.Parse("query query { query(on: on, fragment: fragment) { true: false, null: type } }");

        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal("query", field.Name.Value);
        Assert.IsType<EnumValueNode>(field.Arguments[0].Value);
        Assert.Equal("true", ((FieldNode)field.SelectionSet!.Selections[0]).Alias?.Value);
    }

    [Fact]
    public void A_cancelled_parse_ends_with_operation_canceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => Parser.Parse("{ a b c }", cancellationToken: cancellation.Token));
    }
}
