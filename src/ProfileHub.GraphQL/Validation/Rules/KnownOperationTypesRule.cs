using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.1 (September 2025) Operation Type Existence: the schema has a root type for the operation.</summary>
internal sealed class KnownOperationTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation && Context.Schema.GetRootType(operation.Operation) is null)
        {
            Context.ReportError(
                $"The {operation.Operation.ToString().ToLowerInvariant()} operation is not supported by the schema.", operation);
        }

        return node is not (OperationDefinitionNode or FragmentDefinitionNode);
    }
}
