namespace ProfileHub.GraphQL.Language;

/// <summary>
/// Spec section 2 and the type-system grammar of section 3, one method per production (the layout of graphql-js's
/// <c>Parser</c>), with a token budget and a nesting budget so hostile input fails as a syntax error.
/// </summary>
internal sealed partial class RecursiveDescentParser
{
    // Cached delegates for the productions parameterized by constness, so parsing allocates no closures for them.
    private static readonly Func<RecursiveDescentParser, ArgumentNode> Argument = p => p.ParseArgument(isConst: false);
    private static readonly Func<RecursiveDescentParser, ArgumentNode> ConstArgument = p => p.ParseArgument(isConst: true);
    private static readonly Func<RecursiveDescentParser, ValueNode> Value = p => p.ParseValueLiteral(isConst: false);
    private static readonly Func<RecursiveDescentParser, ValueNode> ConstValue = p => p.ParseValueLiteral(isConst: true);
    private static readonly Func<RecursiveDescentParser, ObjectFieldNode> ObjectField = p => p.ParseObjectField(isConst: false);
    private static readonly Func<RecursiveDescentParser, ObjectFieldNode> ConstObjectField = p => p.ParseObjectField(isConst: true);

    private readonly Lexer _lexer;
    private readonly ParserOptions _options;
    private readonly CancellationToken _cancellationToken;
    private Token _token;
    private Token? _peeked;
    private int _lastEnd;
    private int _tokenCount;
    private int _depth;

    public RecursiveDescentParser(string source, ParserOptions options, CancellationToken cancellationToken = default)
    {
        _lexer = new Lexer(source);
        _options = options;
        _cancellationToken = cancellationToken;
        _token = new Token(TokenKind.StartOfFile, 0, 0, 1, 1, null);
        Advance();
    }

    public DocumentNode ParseDocument()
    {
        var start = _token;
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (_token.Kind != TokenKind.EndOfFile);

        return new DocumentNode(definitions) { Location = Loc(start) };
    }

    /// <summary>Parses one production that must span the whole source (graphql-js's <c>parseValue</c>/<c>parseType</c>).</summary>
    public T ParseWhole<T>(Func<RecursiveDescentParser, T> production)
    {
        var result = production(this);
        Expect(TokenKind.EndOfFile);
        return result;
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = PeekDescription();
        var keyword = hasDescription ? Lookahead() : _token;
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "schema":
                    return ParseSchemaDefinition();
                case "scalar":
                    return ParseScalarTypeDefinition();
                case "type":
                    return ParseObjectTypeDefinition();
                case "interface":
                    return ParseInterfaceTypeDefinition();
                case "union":
                    return ParseUnionTypeDefinition();
                case "enum":
                    return ParseEnumTypeDefinition();
                case "input":
                    return ParseInputObjectTypeDefinition();
                case "directive":
                    return ParseDirectiveDefinition();
                case "query" or "mutation" or "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
                case var _ when hasDescription:
                    throw _lexer.Error(_token.Start, "Unexpected description, only GraphQL definitions support descriptions.");
                case "extend":
                    return ParseTypeSystemExtension();
                default:
                    break;
            }
        }

        if (hasDescription && keyword.Kind == TokenKind.BraceL)
        {
            throw _lexer.Error(_token.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
        }

        throw Unexpected(keyword);
    }

    // Spec 2.3: operations.
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _token;
        if (Peek(TokenKind.BraceL))
        {
            return new OperationDefinitionNode(OperationType.Query, null, [], [], ParseSelectionSet()) { Location = Loc(start) };
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        return new OperationDefinitionNode(operation, name, ParseVariableDefinitions(), ParseDirectives(isConst: false), ParseSelectionSet())
        {
            Description = description,
            Location = Loc(start),
        };
    }

    private OperationType ParseOperationType()
    {
        var token = ExpectToken(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions() =>
        OptionalMany(TokenKind.ParenL, p => p.ParseVariableDefinition(), TokenKind.ParenR);

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        return new VariableDefinitionNode(variable, type, defaultValue, ParseDirectives(isConst: true))
        {
            Description = description,
            Location = Loc(start),
        };
    }

    private VariableNode ParseVariable()
    {
        var start = _token;
        Expect(TokenKind.Dollar);
        return new VariableNode(ParseName()) { Location = Loc(start) };
    }

    // Spec 2.4 to 2.8: selections.
    private SelectionSetNode ParseSelectionSet()
    {
        var start = _token;
        Enter();
        var selections = Many(TokenKind.BraceL, p => p.ParseSelection(), TokenKind.BraceR);
        _depth--;
        return new SelectionSetNode(selections) { Location = Loc(start) };
    }

    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    private FieldNode ParseField()
    {
        var start = _token;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        var name = nameOrAlias;
        if (ExpectOptional(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet) { Location = Loc(start) };
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst) =>
        OptionalMany(TokenKind.ParenL, isConst ? ConstArgument : Argument, TokenKind.ParenR);

    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = _token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        return new ArgumentNode(name, ParseValueLiteral(isConst)) { Location = Loc(start) };
    }

    private SelectionNode ParseFragment()
    {
        var start = _token;
        Expect(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            return new FragmentSpreadNode(name, ParseDirectives(isConst: false)) { Location = Loc(start) };
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        return new InlineFragmentNode(typeCondition, ParseDirectives(isConst: false), ParseSelectionSet()) { Location = Loc(start) };
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        return new FragmentDefinitionNode(name, typeCondition, ParseDirectives(isConst: false), ParseSelectionSet())
        {
            Description = description,
            Location = Loc(start),
        };
    }

    private NameNode ParseFragmentName()
    {
        if (_token.Value == "on" && _token.Kind == TokenKind.Name)
        {
            throw Unexpected(_token);
        }

        return ParseName();
    }

    // Spec 2.9: values.
    public ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                Advance();
                return new IntValueNode(token.Value!) { Location = Loc(token) };
            case TokenKind.Float:
                Advance();
                return new FloatValueNode(token.Value!) { Location = Loc(token) };
            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(true) { Location = Loc(token) },
                    "false" => new BooleanValueNode(false) { Location = Loc(token) },
                    "null" => new NullValueNode { Location = Loc(token) },
                    _ => new EnumValueNode(token.Value!) { Location = Loc(token) },
                };
            case TokenKind.Dollar when isConst:
                Advance();
                if (_token.Kind == TokenKind.Name)
                {
                    throw _lexer.Error(token.Start, $"Unexpected variable \"${_token.Value}\" in constant value.");
                }

                throw Unexpected(token);
            case TokenKind.Dollar:
                return ParseVariable();
            default:
                throw Unexpected(token);
        }
    }

    private ListValueNode ParseList(bool isConst)
    {
        var start = _token;
        Enter();
        var values = Any(TokenKind.BracketL, isConst ? ConstValue : Value, TokenKind.BracketR);
        _depth--;
        return new ListValueNode(values) { Location = Loc(start) };
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _token;
        Enter();
        var fields = Any(TokenKind.BraceL, isConst ? ConstObjectField : ObjectField, TokenKind.BraceR);
        _depth--;
        return new ObjectValueNode(fields) { Location = Loc(start) };
    }

    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = _token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        return new ObjectFieldNode(name, ParseValueLiteral(isConst)) { Location = Loc(start) };
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _token;
        Advance();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString) { Location = Loc(token) };
    }

    // Spec 2.12: directives.
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return Array.Empty<DirectiveNode>();
        }

        var directives = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            var start = _token;
            Advance();
            var name = ParseName();
            directives.Add(new DirectiveNode(name, ParseArguments(isConst)) { Location = Loc(start) });
        }

        return directives;
    }

    // Spec 2.11: type references.
    public TypeNode ParseTypeReference()
    {
        var start = _token;
        TypeNode type;
        if (ExpectOptional(TokenKind.BracketL))
        {
            Enter();
            var inner = ParseTypeReference();
            _depth--;
            Expect(TokenKind.BracketR);
            type = new ListTypeNode(inner) { Location = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        return ExpectOptional(TokenKind.Bang) ? new NonNullTypeNode(type) { Location = Loc(start) } : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _token;
        return new NamedTypeNode(ParseName()) { Location = Loc(start) };
    }

    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode(token.Value!) { Location = Loc(token) };
    }

    // Token plumbing, as graphql-js's peek/expectToken/expectOptionalToken/expectKeyword/many/optionalMany.
    private void Advance()
    {
        _lastEnd = _token.End;
        if (_peeked is { } peeked)
        {
            _token = peeked;
            _peeked = null;
        }
        else
        {
            _token = Read();
        }
    }

    private Token Lookahead() => _peeked ??= Read();

    private Token Read()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var token = _lexer.Next();
        if (token.Kind != TokenKind.EndOfFile && ++_tokenCount > _options.MaxTokens)
        {
            throw _lexer.Error(token.Start, $"Document contains more than {_options.MaxTokens} tokens. Parsing aborted.");
        }

        return token;
    }

    private void Enter()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw _lexer.Error(_token.Start, $"Document exceeds the maximum nesting depth of {_options.MaxDepth}. Parsing aborted.");
        }
    }

    private Location? Loc(Token start) =>
        _options.NoLocation ? null : new Location(start.Start, _lastEnd, start.Line, start.Column);

    private bool Peek(TokenKind kind) => _token.Kind == kind;

    private bool PeekDescription() => _token.Kind is TokenKind.String or TokenKind.BlockString;

    private Token ExpectToken(TokenKind kind)
    {
        var token = _token;
        if (token.Kind != kind)
        {
            throw _lexer.Error(token.Start, $"Expected {Token.KindDescription(kind)}, found {token.Describe()}.");
        }

        Advance();
        return token;
    }

    private void Expect(TokenKind kind) => ExpectToken(kind);

    private bool ExpectOptional(TokenKind kind)
    {
        if (_token.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!ExpectOptionalKeyword(keyword))
        {
            throw _lexer.Error(_token.Start, $"Expected \"{keyword}\", found {_token.Describe()}.");
        }
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (_token.Kind != TokenKind.Name || _token.Value != keyword)
        {
            return false;
        }

        Advance();
        return true;
    }

    private GraphQLSyntaxException Unexpected(Token token) => _lexer.Error(token.Start, $"Unexpected {token.Describe()}.");

    /// <summary>Zero or more items between open and close (list and object values).</summary>
    private List<T> Any<T>(TokenKind open, Func<RecursiveDescentParser, T> item, TokenKind close)
    {
        Expect(open);
        var items = new List<T>();
        while (!ExpectOptional(close))
        {
            items.Add(item(this));
        }

        return items;
    }

    /// <summary>One or more items between open and close.</summary>
    private List<T> Many<T>(TokenKind open, Func<RecursiveDescentParser, T> item, TokenKind close)
    {
        Expect(open);
        var items = new List<T>();
        do
        {
            items.Add(item(this));
        }
        while (!ExpectOptional(close));

        return items;
    }

    /// <summary>Nothing when <paramref name="open"/> is absent, else one or more items.</summary>
    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, Func<RecursiveDescentParser, T> item, TokenKind close) =>
        Peek(open) ? Many(open, item, close) : Array.Empty<T>();

    /// <summary><c>&amp;? A &amp; B</c> and <c>|? A | B</c>: a leading delimiter is allowed.</summary>
    private List<T> DelimitedMany<T>(TokenKind delimiter, Func<RecursiveDescentParser, T> item)
    {
        ExpectOptional(delimiter);
        var items = new List<T>();
        do
        {
            items.Add(item(this));
        }
        while (ExpectOptional(delimiter));

        return items;
    }
}
