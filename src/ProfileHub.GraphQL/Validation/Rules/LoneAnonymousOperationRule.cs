using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.2.1 Lone Anonymous Operation.</summary>
internal sealed class LoneAnonymousOperationRule(ValidationContext context) : ValidationRule(context)
{
    private int _operationCount;

    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case DocumentNode document:
                _operationCount = document.Definitions.Count(d => d is OperationDefinitionNode);
                return true;
            case OperationDefinitionNode { Name: null } operation when _operationCount > 1:
                Context.ReportError("This anonymous operation must be the only defined operation.", operation);
                return false;
            default:
                return node is not (OperationDefinitionNode or FragmentDefinitionNode);
        }
    }
}
