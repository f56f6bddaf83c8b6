using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.2.3.1 Single Root Field: a subscription selects exactly one root field, not an introspection field, and
/// (September 2025, CollectSubscriptionFields) without <c>@skip</c> or <c>@include</c> at the top level.
/// </summary>
internal sealed class SingleFieldSubscriptionsRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is not OperationDefinitionNode { Operation: OperationType.Subscription } operation)
        {
            return node is not (OperationDefinitionNode or FragmentDefinitionNode);
        }

        var subject = operation.Name is { } name ? $"Subscription \"{name.Value}\"" : "Anonymous Subscription";
        var rootType = Context.Schema.SubscriptionType;
        if (rootType is null)
        {
            return false;
        }

        var fields = new OrderedDictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var conditional = new List<DirectiveNode>();
        Collect(rootType, operation.SelectionSet, fields, conditional, new HashSet<string>(StringComparer.Ordinal));
        if (conditional.Count > 0)
        {
            Context.ReportError($"{subject} must not use `@skip` or `@include` directives in the top level selection.", conditional);
            return false;
        }

        if (fields.Count == 0)
        {
            Context.ReportError($"{subject} must select one top level field.", operation.SelectionSet);
        }
        else if (fields.Count > 1)
        {
            Context.ReportError($"{subject} must select only one top level field.", fields.Values.Skip(1).SelectMany(nodes => nodes));
        }

        foreach (var nodes in fields.Values)
        {
            if (nodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                Context.ReportError($"{subject} must not select an introspection top level field.", nodes);
            }
        }

        return false;
    }

    private void Collect(
        ObjectType rootType,
        SelectionSetNode selectionSet,
        OrderedDictionary<string, List<FieldNode>> fields,
        List<DirectiveNode> conditional,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            conditional.AddRange(selection.Directives.Where(d => d.Name.Value is "skip" or "include"));

            switch (selection)
            {
                case FieldNode field:
                    if (!fields.TryGetValue(field.ResponseKey, out var list))
                    {
                        fields[field.ResponseKey] = list = [];
                    }

                    list.Add(field);
                    break;
                case InlineFragmentNode inline when Applies(inline.TypeCondition, rootType):
                    Collect(rootType, inline.SelectionSet, fields, conditional, visitedFragments);
                    break;
                case FragmentSpreadNode spread when visitedFragments.Add(spread.Name.Value)
                    && Context.GetFragment(spread.Name.Value) is { } fragment && Applies(fragment.TypeCondition, rootType):
                    Collect(rootType, fragment.SelectionSet, fields, conditional, visitedFragments);
                    break;
                default:
                    break;
            }
        }
    }

    private bool Applies(NamedTypeNode? condition, ObjectType rootType)
    {
        if (condition is null)
        {
            return true;
        }

        var type = Context.Schema.GetType(condition.Name.Value);
        return ReferenceEquals(type, rootType) || (type is { IsAbstract: true } && Context.Schema.IsSubType(type, rootType));
    }
}
