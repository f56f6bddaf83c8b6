using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// The children of a node in graphql-js's visiting order (<c>QueryDocumentKeys</c>), names left out. Type-system
/// definitions are walked too: a request holding them is invalid (spec 5.1.1), but graphql-js still reports what
/// the other rules find in them, and so does this engine.
/// </summary>
internal static class AstChildren
{
    public static IEnumerable<SyntaxNode> Of(SyntaxNode node) => node switch
    {
        DocumentNode n => n.Definitions,
        OperationDefinitionNode n => [.. n.VariableDefinitions, .. n.Directives, n.SelectionSet],
        VariableDefinitionNode n => n.DefaultValue is null
            ? [n.Variable, n.Type, .. n.Directives]
            : [n.Variable, n.Type, n.DefaultValue, .. n.Directives],
        SelectionSetNode n => n.Selections,
        FieldNode n => n.SelectionSet is null ? [.. n.Arguments, .. n.Directives] : [.. n.Arguments, .. n.Directives, n.SelectionSet],
        ArgumentNode n => [n.Value],
        FragmentSpreadNode n => n.Directives,
        InlineFragmentNode n => n.TypeCondition is null ? [.. n.Directives, n.SelectionSet] : [n.TypeCondition, .. n.Directives, n.SelectionSet],
        FragmentDefinitionNode n => [n.TypeCondition, .. n.Directives, n.SelectionSet],
        ListValueNode n => n.Values,
        ObjectValueNode n => n.Fields,
        ObjectFieldNode n => [n.Value],
        DirectiveNode n => n.Arguments,
        ListTypeNode n => [n.Type],
        NonNullTypeNode n => [n.Type],
        _ => TypeSystemChildren(node),
    };

    private static IEnumerable<SyntaxNode> TypeSystemChildren(SyntaxNode node) => node switch
    {
        SchemaDefinitionNode n => [.. n.Directives, .. n.OperationTypes],
        SchemaExtensionNode n => [.. n.Directives, .. n.OperationTypes],
        OperationTypeDefinitionNode n => [n.Type],
        ScalarTypeDefinitionNode n => n.Directives,
        ScalarTypeExtensionNode n => n.Directives,
        ObjectTypeDefinitionNode n => [.. n.Interfaces, .. n.Directives, .. n.Fields],
        ObjectTypeExtensionNode n => [.. n.Interfaces, .. n.Directives, .. n.Fields],
        InterfaceTypeDefinitionNode n => [.. n.Interfaces, .. n.Directives, .. n.Fields],
        InterfaceTypeExtensionNode n => [.. n.Interfaces, .. n.Directives, .. n.Fields],
        FieldDefinitionNode n => [.. n.Arguments, n.Type, .. n.Directives],
        InputValueDefinitionNode n => n.DefaultValue is null ? [n.Type, .. n.Directives] : [n.Type, n.DefaultValue, .. n.Directives],
        UnionTypeDefinitionNode n => [.. n.Directives, .. n.Types],
        UnionTypeExtensionNode n => [.. n.Directives, .. n.Types],
        EnumTypeDefinitionNode n => [.. n.Directives, .. n.Values],
        EnumTypeExtensionNode n => [.. n.Directives, .. n.Values],
        EnumValueDefinitionNode n => n.Directives,
        InputObjectTypeDefinitionNode n => [.. n.Directives, .. n.Fields],
        InputObjectTypeExtensionNode n => [.. n.Directives, .. n.Fields],
        DirectiveDefinitionNode n => n.Arguments,
        _ => [],
    };
}
