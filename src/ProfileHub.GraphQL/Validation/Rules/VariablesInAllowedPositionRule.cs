using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.8.5 All Variable Usages Are Allowed: the variable's type fits where it is used; a nullable variable may
/// fill a non-null position only when it, or the position, has a non-null default; a <c>@oneOf</c> field needs a
/// non-null variable.
/// </summary>
internal sealed class VariablesInAllowedPositionRule(ValidationContext context) : ValidationRule(context)
{
    public override void Leave(SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            Check(operation);
        }
    }

    private void Check(OperationDefinitionNode operation)
    {
        var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            // The last definition of a repeated name wins, as in graphql-js (UniqueVariableNamesRule reports the repeat).
            definitions[definition.Variable.Name.Value] = definition;
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

            // As graphql-js 17.1.0: only a nullable @oneOf input type counts here (a non-null one is wrapped and so
            // not an input object type); a null at run time is still refused by variable coercion.
            if (usage.ParentInputType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
            {
                Context.ReportError(
                    $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    definition,
                    usage.Node);
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
