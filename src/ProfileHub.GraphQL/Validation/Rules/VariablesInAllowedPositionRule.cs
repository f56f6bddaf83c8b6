using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.8.5 All Variable Usages Are Allowed: the variable's type fits where it is used; a nullable variable may
/// fill a non-null position only when it, or the position, has a non-null default.
/// </summary>
internal sealed class VariablesInAllowedPositionRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            Check(operation);
        }

        return node is DocumentNode;
    }

    private void Check(OperationDefinitionNode operation)
    {
        var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            definitions.TryAdd(definition.Variable.Name.Value, definition);
        }

        foreach (var usage in Context.GetRecursiveVariableUsages(operation))
        {
            var name = usage.Node.Name.Value;
            if (!definitions.TryGetValue(name, out var definition) || usage.Type is not { } locationType
                || TypeInfo.TypeFromAst(Context.Schema, definition.Type) is not { } variableType)
            {
                continue;
            }

            if (!IsAllowed(variableType, definition.DefaultValue, locationType, usage.LocationHasDefault))
            {
                Context.ReportError(
                    $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".", definition, usage.Node);
            }
        }
    }

    private bool IsAllowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            return (hasNonNullVariableDefault || locationHasDefault) && Context.Schema.IsTypeSubTypeOf(variableType, nonNullLocation.OfType);
        }

        return Context.Schema.IsTypeSubTypeOf(variableType, locationType);
    }
}
