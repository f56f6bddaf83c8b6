using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.7.1 Directives Are Defined and 5.7.2 Directives Are In Valid Locations, including directives the document
/// defines and the type-system locations (as graphql-js, which reports them in an invalid, non-executable request).
/// </summary>
internal sealed class KnownDirectivesRule : ValidationRule
{
    private readonly Stack<SyntaxNode> _ancestors = new();
    private readonly Dictionary<string, HashSet<string>> _locations = new(StringComparer.Ordinal);

    public KnownDirectivesRule(ValidationContext context)
        : base(context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            _locations[directive.Name] = directive.Locations.Select(l => l.ToSdlName()).ToHashSet(StringComparer.Ordinal);
        }

        foreach (var (name, definition) in context.DocumentDirectives)
        {
            _locations[name] = definition.Locations.Select(l => l.Value).ToHashSet(StringComparer.Ordinal);
        }
    }

    public override bool Enter(SyntaxNode node)
    {
        if (node is DirectiveNode directive)
        {
            var name = directive.Name.Value;
            if (!_locations.TryGetValue(name, out var locations))
            {
                Context.ReportError($"Unknown directive \"@{name}\".", directive);
            }
            else if (LocationOf() is { } location && !locations.Contains(location))
            {
                Context.ReportError($"Directive \"@{name}\" may not be used on {location}.", directive);
            }

            return false;
        }

        _ancestors.Push(node);
        return true;
    }

    public override void Leave(SyntaxNode node) => _ancestors.Pop();

    /// <summary>graphql-js's <c>getDirectiveLocationForASTPath</c>: where the node carrying the directive sits.</summary>
    private string? LocationOf() => _ancestors.Peek() switch
    {
        OperationDefinitionNode { Operation: OperationType.Query } => "QUERY",
        OperationDefinitionNode { Operation: OperationType.Mutation } => "MUTATION",
        OperationDefinitionNode => "SUBSCRIPTION",
        FieldNode => "FIELD",
        FragmentSpreadNode => "FRAGMENT_SPREAD",
        InlineFragmentNode => "INLINE_FRAGMENT",
        FragmentDefinitionNode => "FRAGMENT_DEFINITION",
        VariableDefinitionNode => "VARIABLE_DEFINITION",
        SchemaDefinitionNode or SchemaExtensionNode => "SCHEMA",
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "SCALAR",
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "OBJECT",
        FieldDefinitionNode => "FIELD_DEFINITION",
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "INTERFACE",
        UnionTypeDefinitionNode or UnionTypeExtensionNode => "UNION",
        EnumTypeDefinitionNode or EnumTypeExtensionNode => "ENUM",
        EnumValueDefinitionNode => "ENUM_VALUE",
        InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => "INPUT_OBJECT",
        InputValueDefinitionNode => _ancestors.ElementAt(1) is InputObjectTypeDefinitionNode ? "INPUT_FIELD_DEFINITION" : "ARGUMENT_DEFINITION",
        _ => null,
    };
}
