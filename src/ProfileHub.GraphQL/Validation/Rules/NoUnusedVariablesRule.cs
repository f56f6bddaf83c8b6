using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.4 All Variables Used, following fragment spreads from each operation.</summary>
internal sealed class NoUnusedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            var used = Context.GetRecursiveVariableUsages(operation).Select(u => u.Node.Name.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions.Where(v => !used.Contains(v.Variable.Name.Value)))
            {
                var name = definition.Variable.Name.Value;
                Context.ReportError(
                    operation.Name is { } operationName
                        ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                        : $"Variable \"${name}\" is never used.",
                    definition);
            }
        }

        return true;
    }
}
