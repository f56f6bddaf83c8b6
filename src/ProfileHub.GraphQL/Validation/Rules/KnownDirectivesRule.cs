using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.1 Directives Are Defined and 5.7.2 Directives Are In Valid Locations.</summary>
internal sealed class KnownDirectivesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Stack<SyntaxNode> _ancestors = new();

    public override bool Enter(SyntaxNode node)
    {
        if (node is DirectiveNode directive)
        {
            var name = directive.Name.Value;
            if (Context.Schema.GetDirective(name) is not { } definition)
            {
                Context.ReportError($"Unknown directive \"@{name}\".", directive);
            }
            else if (LocationOf(_ancestors.Peek()) is { } location && !definition.Locations.Contains(location))
            {
                Context.ReportError($"Directive \"@{name}\" may not be used on {location.ToSdlName()}.", directive);
            }

            return false;
        }

        _ancestors.Push(node);
        return true;
    }

    public override void Leave(SyntaxNode node) => _ancestors.Pop();

    private static DirectiveLocation? LocationOf(SyntaxNode node) => node switch
    {
        OperationDefinitionNode { Operation: OperationType.Query } => DirectiveLocation.Query,
        OperationDefinitionNode { Operation: OperationType.Mutation } => DirectiveLocation.Mutation,
        OperationDefinitionNode => DirectiveLocation.Subscription,
        FieldNode => DirectiveLocation.Field,
        FragmentSpreadNode => DirectiveLocation.FragmentSpread,
        InlineFragmentNode => DirectiveLocation.InlineFragment,
        FragmentDefinitionNode => DirectiveLocation.FragmentDefinition,
        VariableDefinitionNode => DirectiveLocation.VariableDefinition,
        _ => null,
    };
}
