using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// Static analysis of an operation before it runs: its depth (deepest field nesting, fragments expanded) and its
/// cost (each composite field weighs 1 and leaves 0 unless the schema says otherwise, multiplied by the expected
/// size of enclosing lists: a slicing argument such as <c>first</c>, or the default list size). Both are what
/// expanding every fragment spread would give, but each fragment is measured once (<see cref="FragmentOrder"/>), so
/// the time is linear in the document; the cost saturates at <see cref="long.MaxValue"/> rather than wrapping around.
/// </summary>
internal sealed class OperationLimits
{
    private readonly Schema _schema;
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> _fragments;
    private readonly IReadOnlyDictionary<string, object?>? _variables;
    private readonly int _defaultListSize;
    private readonly CancellationToken _cancellationToken;
    private Dictionary<string, int>? _fragmentDepths;
    private Dictionary<string, long>? _fragmentCosts;

    /// <summary>The request's cancellation token is checked at every selection set and fragment measured.</summary>
    public OperationLimits(
        Schema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?>? variables,
        int defaultListSize,
        CancellationToken cancellationToken)
    {
        _schema = schema;
        _fragments = fragments;
        _variables = variables;
        _defaultListSize = Math.Max(0, defaultListSize);
        _cancellationToken = cancellationToken;
    }

    public int Depth(SelectionSetNode selectionSet)
    {
        if (_fragmentDepths is null)
        {
            _fragmentDepths = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var fragment in FragmentOrder.Of(_fragments, _cancellationToken))
            {
                _fragmentDepths[fragment.Name.Value] = DepthOf(fragment.SelectionSet);
            }
        }
        return DepthOf(selectionSet);
    }

    public long Cost(SelectionSetNode selectionSet, NamedType parentType)
    {
        if (_fragmentCosts is null)
        {
            _fragmentCosts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var fragment in FragmentOrder.Of(_fragments, _cancellationToken))
            {
                // An unknown type condition is a validation error: such a document never runs, so its cost does not matter.
                _fragmentCosts[fragment.Name.Value] = TypeOf(fragment.TypeCondition) is { } type ? CostOf(fragment.SelectionSet, type) : 0;
            }
        }
        return CostOf(selectionSet, parentType);
    }

    /// <summary>Recursion follows the document's nesting only (bounded by the parser); spreads read the fragments' measures.</summary>
    private int DepthOf(SelectionSetNode selectionSet)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var max = 0;
        foreach (var selection in selectionSet.Selections)
        {
            var depth = selection switch
            {
                FieldNode { SelectionSet: { } children } => 1 + DepthOf(children),
                FieldNode => 1,
                InlineFragmentNode inline => DepthOf(inline.SelectionSet),
                // Unknown, or not measured yet because it closes a cycle (a validation error): nothing.
                FragmentSpreadNode spread => _fragmentDepths!.GetValueOrDefault(spread.Name.Value),
                _ => 0,
            };
            max = Math.Max(max, depth);
        }
        return max;
    }

    private long CostOf(SelectionSetNode selectionSet, NamedType parentType)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        long total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            total = SaturatingCost.Add(total, selection switch
            {
                FieldNode field => FieldCost(field, parentType),
                InlineFragmentNode inline => CostOf(inline.SelectionSet, TypeOf(inline.TypeCondition) ?? parentType),
                FragmentSpreadNode spread => _fragmentCosts!.GetValueOrDefault(spread.Name.Value),
                _ => 0,
            });
        }
        return total;
    }

    private long FieldCost(FieldNode field, NamedType parentType)
    {
        var definition = _schema.GetField(parentType, field.Name.Value);
        if (definition is null)
        {
            return 0;
        }
        var namedType = definition.Type.Named;
        long weight = definition.Cost ?? (namedType.IsLeaf ? 0 : 1);
        var children = field.SelectionSet is null ? 0 : CostOf(field.SelectionSet, namedType);
        var multiplier = ContainsList(definition.Type) ? ListSize(field, definition) : 1;
        return SaturatingCost.Multiply(SaturatingCost.Add(weight, children), multiplier);
    }

    private long ListSize(FieldNode field, FieldDefinition definition)
    {
        foreach (var name in definition.SlicingArguments)
        {
            var argument = field.Arguments.FirstOrDefault(a => a.Name.Value == name);
            var value = argument?.Value switch
            {
                IntValueNode i when long.TryParse(i.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
                VariableNode v when _variables?.GetValueOrDefault(v.Name.Value) is long l => l,
                VariableNode v when _variables?.GetValueOrDefault(v.Name.Value) is int i => i,
                _ => (long?)null,
            };
            if (value is not null)
            {
                return Math.Max(0, value.Value);
            }
        }
        return _defaultListSize;
    }

    private static bool ContainsList(GraphQLType type) => type switch
    {
        ListType => true,
        NonNullType nonNull => ContainsList(nonNull.OfType),
        _ => false,
    };

    private NamedType? TypeOf(NamedTypeNode? node) => node is null ? null : _schema.GetType(node.Name.Value);
}

/// <summary>
/// Cost arithmetic on non-negative values that stops at <see cref="long.MaxValue"/>: a few nested list sizes of two
/// million, or seventy levels of doubled fragments, pass 2^63, and a wrapped-around cost would slip under any maximum.
/// </summary>
internal static class SaturatingCost
{
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    public static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
