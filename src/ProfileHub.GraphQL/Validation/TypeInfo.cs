using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// Tracks, during a walk of an executable document, the schema types at the current position: graphql-js's
/// <c>TypeInfo</c> (output type, parent composite type, input type, field, directive and argument definitions).
/// </summary>
internal sealed class TypeInfo
{
    private readonly Schema _schema;
    private readonly Stack<GraphQLType?> _types = new();
    private readonly Stack<NamedType?> _parentTypes = new();
    private readonly Stack<GraphQLType?> _inputTypes = new();
    private readonly Stack<FieldDefinition?> _fieldDefinitions = new();
    private readonly Stack<InputValueDefinition?> _defaultValues = new();

    public TypeInfo(Schema schema) => _schema = schema;

    public GraphQLType? Type => Peek(_types);

    public NamedType? ParentType => Peek(_parentTypes);

    public GraphQLType? InputType => Peek(_inputTypes);

    public GraphQLType? ParentInputType => _inputTypes.Count > 1 ? _inputTypes.ElementAt(1) : null;

    public FieldDefinition? FieldDefinition => Peek(_fieldDefinitions);

    /// <summary>The argument or input field whose default applies at the current value position, if any.</summary>
    public InputValueDefinition? DefaultValueOwner => Peek(_defaultValues);

    public DirectiveDefinition? Directive { get; private set; }

    public InputValueDefinition? Argument { get; private set; }

    public void Enter(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                _parentTypes.Push(Type?.Named is { } named && IsComposite(named) ? named : null);
                break;
            case FieldNode field:
                var definition = ParentType is { } parent ? _schema.GetField(parent, field.Name.Value) : null;
                _fieldDefinitions.Push(definition);
                _types.Push(definition?.Type is { IsOutputType: true } output ? output : null);
                break;
            case DirectiveNode directive:
                Directive = _schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _types.Push(_schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                var inlineType = inline.TypeCondition is { } condition ? TypeFromAst(_schema, condition) : Type?.Named;
                _types.Push(inlineType is { IsOutputType: true } ? inlineType : null);
                break;
            case FragmentDefinitionNode fragment:
                var fragmentType = TypeFromAst(_schema, fragment.TypeCondition);
                _types.Push(fragmentType is { IsOutputType: true } ? fragmentType : null);
                break;
            case VariableDefinitionNode variable:
                var variableType = TypeFromAst(_schema, variable.Type);
                _inputTypes.Push(variableType is { IsInputType: true } ? variableType : null);
                break;
            case ArgumentNode argument:
                var arguments = Directive is { } directiveDefinition ? directiveDefinition.Arguments : FieldDefinition?.Arguments;
                var argumentDefinition = arguments?.GetValueOrDefault(argument.Name.Value);
                Argument = argumentDefinition;
                _defaultValues.Push(argumentDefinition);
                _inputTypes.Push(argumentDefinition?.Type is { IsInputType: true } argumentType ? argumentType : null);
                break;
            case ListValueNode:
                var listType = InputType?.Nullable;
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaultValues.Push(null);
                _inputTypes.Push(itemType is { IsInputType: true } ? itemType : null);
                break;
            case ObjectFieldNode objectField:
                var inputField = InputType?.Named is InputObjectType inputObject
                    ? inputObject.Fields.GetValueOrDefault(objectField.Name.Value)
                    : null;
                _defaultValues.Push(inputField);
                _inputTypes.Push(inputField?.Type is { IsInputType: true } fieldType ? fieldType : null);
                break;
            default:
                break;
        }
    }

    public void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                _parentTypes.Pop();
                break;
            case FieldNode:
                _fieldDefinitions.Pop();
                _types.Pop();
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode:
                _types.Pop();
                break;
            case VariableDefinitionNode:
                _inputTypes.Pop();
                break;
            case ArgumentNode:
                Argument = null;
                _defaultValues.Pop();
                _inputTypes.Pop();
                break;
            case ListValueNode or ObjectFieldNode:
                _defaultValues.Pop();
                _inputTypes.Pop();
                break;
            default:
                break;
        }
    }

    /// <summary>graphql-js's <c>typeFromAST</c>: the schema type a type reference names, or null if unknown.</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => TypeFromAst(schema, list.Type) is { } item ? new ListType(item) : null,
        NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        _ => null,
    };

    public static bool IsComposite(NamedType type) => type is ObjectType or InterfaceType or UnionType;

    private static T? Peek<T>(Stack<T?> stack)
        where T : class => stack.Count > 0 ? stack.Peek() : null;
}
