using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.5.1.2 Fragment Spread Type Existence, and 5.8.2's requirement that variable types exist. Types the
/// document defines count as known and as suggestions, and inside type-system definitions the standard scalar and
/// introspection names are always known (as graphql-js).
/// </summary>
internal sealed class KnownTypeNamesRule(ValidationContext context) : ValidationRule(context)
{
    private static readonly string[] StandardTypeNames =
    [
        "String", "Int", "Float", "Boolean", "ID", "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field",
        "__InputValue", "__EnumValue", "__TypeKind",
    ];

    private readonly List<string> _typeNames = context.Schema.Types.Select(t => t.Name)
        .Concat(context.Document.Definitions.OfType<TypeDefinitionNode>().Select(d => d.Name.Value))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    private int _typeSystemDepth;

    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case TypeSystemDefinitionNode or TypeSystemExtensionNode:
                _typeSystemDepth++;
                break;
            case NamedTypeNode named when !_typeNames.Contains(named.Name.Value, StringComparer.Ordinal):
                var inTypeSystem = _typeSystemDepth > 0;
                if (inTypeSystem && StandardTypeNames.Contains(named.Name.Value, StringComparer.Ordinal))
                {
                    break;
                }

                var suggestions = Suggestions.List(named.Name.Value, inTypeSystem ? StandardTypeNames.Concat(_typeNames) : _typeNames);
                Context.ReportError($"Unknown type \"{named.Name.Value}\"." + Suggestions.DidYouMean(suggestions), named);
                break;
            default:
                break;
        }

        return true;
    }

    public override void Leave(SyntaxNode node)
    {
        if (node is TypeSystemDefinitionNode or TypeSystemExtensionNode)
        {
            _typeSystemDepth--;
        }
    }
}
