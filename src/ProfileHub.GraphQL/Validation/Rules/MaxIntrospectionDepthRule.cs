using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// graphql-js 17's guard against introspection queries that nest the list fields <c>fields</c>, <c>interfaces</c>,
/// <c>possibleTypes</c> and <c>inputFields</c> three deep (their cost grows with the schema to that power).
/// </summary>
internal sealed class MaxIntrospectionDepthRule(ValidationContext context) : ValidationRule(context)
{
    private const int MaxListsDepth = 3;

    private readonly Dictionary<string, int> _checkedFragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exceededFragments = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        if (node is FieldNode { Name.Value: "__schema" or "__type" } field
            && ExceedsDepth(field, new Dictionary<string, int>(StringComparer.Ordinal), 0))
        {
            Context.ReportError("Maximum introspection depth exceeded", field);
            return false;
        }

        return true;
    }

    private bool ExceedsDepth(SyntaxNode node, Dictionary<string, int> visitedFragments, int depth)
    {
        Context.CancellationToken.ThrowIfCancellationRequested();
        if (node is FragmentSpreadNode spread)
        {
            var name = spread.Name.Value;
            if (_exceededFragments.TryGetValue(name, out var exceededDepth) && exceededDepth <= depth)
            {
                return true;
            }

            if ((visitedFragments.TryGetValue(name, out var visitedDepth) && visitedDepth >= depth)
                || (_checkedFragments.TryGetValue(name, out var checkedDepth) && checkedDepth >= depth)
                || Context.GetFragment(name) is not { } fragment)
            {
                return false;
            }

            visitedFragments[name] = depth;
            if (ExceedsDepth(fragment, visitedFragments, depth))
            {
                _exceededFragments[name] = depth;
                return true;
            }

            _checkedFragments[name] = depth;
            return false;
        }

        if (node is FieldNode { Name.Value: "fields" or "interfaces" or "possibleTypes" or "inputFields" } && ++depth >= MaxListsDepth)
        {
            return true;
        }

        var selectionSet = node switch
        {
            FieldNode field => field.SelectionSet,
            InlineFragmentNode inline => inline.SelectionSet,
            FragmentDefinitionNode fragment => fragment.SelectionSet,
            _ => null,
        };
        return selectionSet is not null && selectionSet.Selections.Any(selection => ExceedsDepth(selection, visitedFragments, depth));
    }
}
