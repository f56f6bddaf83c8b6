using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation;

/// <summary>
/// The children of an executable node in graphql-js's visiting order (<c>QueryDocumentKeys</c>), names left out.
/// Type-system definitions are leaves here: an executable document may not contain them (spec 5.1.1).
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
        _ => [],
    };
}
