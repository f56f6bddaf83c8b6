using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// Visits the children of a node in graphql-js's order (<c>QueryDocumentKeys</c>), names left out, without
/// allocating. Type-system definitions are walked too: a request holding them is invalid (spec 5.1.1), but graphql-js
/// still reports what the other rules find in them, and so does this engine.
/// </summary>
internal static class AstChildren
{
    public static void ForEach(SyntaxNode node, Action<SyntaxNode> visit)
    {
        switch (node)
        {
            case DocumentNode n:
                Each(n.Definitions, visit);
                break;
            case OperationDefinitionNode n:
                Each(n.VariableDefinitions, visit);
                Each(n.Directives, visit);
                visit(n.SelectionSet);
                break;
            case VariableDefinitionNode n:
                visit(n.Variable);
                visit(n.Type);
                Optional(n.DefaultValue, visit);
                Each(n.Directives, visit);
                break;
            case SelectionSetNode n:
                Each(n.Selections, visit);
                break;
            case FieldNode n:
                Each(n.Arguments, visit);
                Each(n.Directives, visit);
                Optional(n.SelectionSet, visit);
                break;
            case ArgumentNode n:
                visit(n.Value);
                break;
            case FragmentSpreadNode n:
                Each(n.Directives, visit);
                break;
            case InlineFragmentNode n:
                Optional(n.TypeCondition, visit);
                Each(n.Directives, visit);
                visit(n.SelectionSet);
                break;
            case FragmentDefinitionNode n:
                visit(n.TypeCondition);
                Each(n.Directives, visit);
                visit(n.SelectionSet);
                break;
            case ListValueNode n:
                Each(n.Values, visit);
                break;
            case ObjectValueNode n:
                Each(n.Fields, visit);
                break;
            case ObjectFieldNode n:
                visit(n.Value);
                break;
            case DirectiveNode n:
                Each(n.Arguments, visit);
                break;
            case ListTypeNode n:
                visit(n.Type);
                break;
            case NonNullTypeNode n:
                visit(n.Type);
                break;
            default:
                TypeSystem(node, visit);
                break;
        }
    }

    private static void TypeSystem(SyntaxNode node, Action<SyntaxNode> visit)
    {
        switch (node)
        {
            case SchemaDefinitionNode n:
                Each(n.Directives, visit);
                Each(n.OperationTypes, visit);
                break;
            case SchemaExtensionNode n:
                Each(n.Directives, visit);
                Each(n.OperationTypes, visit);
                break;
            case OperationTypeDefinitionNode n:
                visit(n.Type);
                break;
            case ObjectTypeDefinitionNode n:
                Fielded(n.Interfaces, n.Directives, n.Fields, visit);
                break;
            case ObjectTypeExtensionNode n:
                Fielded(n.Interfaces, n.Directives, n.Fields, visit);
                break;
            case InterfaceTypeDefinitionNode n:
                Fielded(n.Interfaces, n.Directives, n.Fields, visit);
                break;
            case InterfaceTypeExtensionNode n:
                Fielded(n.Interfaces, n.Directives, n.Fields, visit);
                break;
            case FieldDefinitionNode n:
                Each(n.Arguments, visit);
                visit(n.Type);
                Each(n.Directives, visit);
                break;
            case InputValueDefinitionNode n:
                visit(n.Type);
                Optional(n.DefaultValue, visit);
                Each(n.Directives, visit);
                break;
            case UnionTypeDefinitionNode n:
                Each(n.Directives, visit);
                Each(n.Types, visit);
                break;
            case UnionTypeExtensionNode n:
                Each(n.Directives, visit);
                Each(n.Types, visit);
                break;
            case EnumTypeDefinitionNode n:
                Each(n.Directives, visit);
                Each(n.Values, visit);
                break;
            case EnumTypeExtensionNode n:
                Each(n.Directives, visit);
                Each(n.Values, visit);
                break;
            case InputObjectTypeDefinitionNode n:
                Each(n.Directives, visit);
                Each(n.Fields, visit);
                break;
            case InputObjectTypeExtensionNode n:
                Each(n.Directives, visit);
                Each(n.Fields, visit);
                break;
            case DirectiveDefinitionNode n:
                Each(n.Arguments, visit);
                break;
            case IHasDirectives n:
                // Scalar type definitions and extensions, enum values.
                Each(n.Directives, visit);
                break;
            default:
                break;
        }
    }

    private static void Fielded(
        IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<FieldDefinitionNode> fields, Action<SyntaxNode> visit)
    {
        Each(interfaces, visit);
        Each(directives, visit);
        Each(fields, visit);
    }

    private static void Each<T>(IReadOnlyList<T> nodes, Action<SyntaxNode> visit)
        where T : SyntaxNode
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            visit(nodes[i]);
        }
    }

    private static void Optional(SyntaxNode? node, Action<SyntaxNode> visit)
    {
        if (node is not null)
        {
            visit(node);
        }
    }
}
