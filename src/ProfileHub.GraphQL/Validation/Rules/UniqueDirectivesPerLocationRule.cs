using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.7.3 Directives Are Unique Per Location (unless declared <c>repeatable</c>, in the schema or the document).
/// As graphql-js, a schema definition and its extensions, or a type and its extensions, count as one location.
/// </summary>
internal sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    private readonly Dictionary<string, bool> _unique = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);

    public UniqueDirectivesPerLocationRule(ValidationContext context)
        : base(context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            _unique[directive.Name] = !directive.IsRepeatable;
        }

        foreach (var (name, definition) in context.DocumentDirectives)
        {
            _unique[name] = !definition.Repeatable;
        }
    }

    public override bool Enter(SyntaxNode node)
    {
        if (node is not IHasDirectives { Directives.Count: > 0 } located)
        {
            return true;
        }

        var seen = node switch
        {
            SchemaDefinitionNode or SchemaExtensionNode => _schemaDirectives,
            TypeDefinitionNode type => TypeDirectives(type.Name.Value),
            TypeExtensionNode extension => TypeDirectives(extension.Name.Value),
            _ => new Dictionary<string, DirectiveNode>(StringComparer.Ordinal),
        };
        foreach (var directive in located.Directives)
        {
            var name = directive.Name.Value;
            if (!_unique.GetValueOrDefault(name))
            {
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                Context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
            }
            else
            {
                seen[name] = directive;
            }
        }

        return true;
    }

    private Dictionary<string, DirectiveNode> TypeDirectives(string typeName)
    {
        if (!_typeDirectives.TryGetValue(typeName, out var seen))
        {
            _typeDirectives[typeName] = seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        }

        return seen;
    }
}
