using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.1 Variable Uniqueness.</summary>
internal sealed class UniqueVariableNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            foreach (var group in operation.VariableDefinitions.GroupBy(v => v.Variable.Name.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Context.ReportError($"There can be only one variable named \"${group.Key}\".", group.Select(v => v.Variable.Name));
            }
        }

        return node is DocumentNode;
    }
}
