namespace ProfileHub.GraphQL.Language;

/// <summary>Section 3's type-system definition language (SDL): definitions and extensions.</summary>
internal sealed partial class RecursiveDescentParser
{
    /// <summary>Spec 3.13: the executable and type-system directive locations.</summary>
    private static readonly HashSet<string> DirectiveLocations =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = Many(TokenKind.BraceL, p => p.ParseOperationTypeDefinition(), TokenKind.BraceR);
        return new SchemaDefinitionNode(description, directives, operationTypes) { Location = Loc(start) };
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _token;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        return new OperationTypeDefinitionNode(operation, ParseNamedType()) { Location = Loc(start) };
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        return new ScalarTypeDefinitionNode(description, name, ParseDirectives(isConst: true)) { Location = Loc(start) };
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        return new ObjectTypeDefinitionNode(description, name, interfaces, directives, ParseFieldsDefinition()) { Location = Loc(start) };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        return new InterfaceTypeDefinitionNode(description, name, interfaces, directives, ParseFieldsDefinition()) { Location = Loc(start) };
    }

    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements") ? DelimitedMany(TokenKind.Amp, p => p.ParseNamedType()) : Array.Empty<NamedTypeNode>();

    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition() =>
        OptionalMany(TokenKind.BraceL, p => p.ParseFieldDefinition(), TokenKind.BraceR);

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        return new FieldDefinitionNode(description, name, arguments, type, ParseDirectives(isConst: true)) { Location = Loc(start) };
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        OptionalMany(TokenKind.ParenL, p => p.ParseInputValueDefinition(), TokenKind.ParenR);

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        return new InputValueDefinitionNode(description, name, type, defaultValue, ParseDirectives(isConst: true)) { Location = Loc(start) };
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new UnionTypeDefinitionNode(description, name, directives, ParseUnionMemberTypes()) { Location = Loc(start) };
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptional(TokenKind.Equals) ? DelimitedMany(TokenKind.Pipe, p => p.ParseNamedType()) : Array.Empty<NamedTypeNode>();

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new EnumTypeDefinitionNode(description, name, directives, ParseEnumValuesDefinition()) { Location = Loc(start) };
    }

    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition() =>
        OptionalMany(TokenKind.BraceL, p => p.ParseEnumValueDefinition(), TokenKind.BraceR);

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        if (_token.Kind == TokenKind.Name && _token.Value is "true" or "false" or "null")
        {
            throw _lexer.Error(_token.Start, $"{_token.Describe()} is reserved and cannot be used for an enum value.");
        }

        var name = ParseName();
        return new EnumValueDefinitionNode(description, name, ParseDirectives(isConst: true)) { Location = Loc(start) };
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new InputObjectTypeDefinitionNode(description, name, directives, ParseInputFieldsDefinition()) { Location = Loc(start) };
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseInputFieldsDefinition() =>
        OptionalMany(TokenKind.BraceL, p => p.ParseInputValueDefinition(), TokenKind.BraceR);

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        var locations = DelimitedMany(TokenKind.Pipe, p => p.ParseDirectiveLocation());
        return new DirectiveDefinitionNode(description, name, arguments, repeatable, locations) { Location = Loc(start) };
    }

    private NameNode ParseDirectiveLocation()
    {
        var token = _token;
        var name = ParseName();
        return DirectiveLocations.Contains(name.Value) ? name : throw Unexpected(token);
    }

    /// <summary>Spec 3.1: <c>extend ...</c>; an extension that adds nothing is a syntax error.</summary>
    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var keyword = Lookahead();
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "schema":
                    return ParseSchemaExtension();
                case "scalar":
                    return ParseScalarTypeExtension();
                case "type":
                    return ParseObjectTypeExtension(isInterface: false);
                case "interface":
                    return ParseObjectTypeExtension(isInterface: true);
                case "union":
                    return ParseUnionTypeExtension();
                case "enum":
                    return ParseEnumTypeExtension();
                case "input":
                    return ParseInputObjectTypeExtension();
                default:
                    break;
            }
        }

        throw Unexpected(keyword);
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = OptionalMany(TokenKind.BraceL, p => p.ParseOperationTypeDefinition(), TokenKind.BraceR);
        RequireSomething(directives.Count + operationTypes.Count);
        return new SchemaExtensionNode(directives, operationTypes) { Location = Loc(start) };
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        RequireSomething(directives.Count);
        return new ScalarTypeExtensionNode(name, directives) { Location = Loc(start) };
    }

    private TypeExtensionNode ParseObjectTypeExtension(bool isInterface)
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword(isInterface ? "interface" : "type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        RequireSomething(interfaces.Count + directives.Count + fields.Count);
        return isInterface
            ? new InterfaceTypeExtensionNode(name, interfaces, directives, fields) { Location = Loc(start) }
            : new ObjectTypeExtensionNode(name, interfaces, directives, fields) { Location = Loc(start) };
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        RequireSomething(directives.Count + types.Count);
        return new UnionTypeExtensionNode(name, directives, types) { Location = Loc(start) };
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        RequireSomething(directives.Count + values.Count);
        return new EnumTypeExtensionNode(name, directives, values) { Location = Loc(start) };
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputFieldsDefinition();
        RequireSomething(directives.Count + fields.Count);
        return new InputObjectTypeExtensionNode(name, directives, fields) { Location = Loc(start) };
    }

    private void RequireSomething(int count)
    {
        if (count == 0)
        {
            throw Unexpected(_token);
        }
    }
}
