using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// Static analysis of an operation before it runs: its depth (deepest field nesting, fragments expanded) and its
/// cost (each composite field weighs 1 and leaves 0 unless the schema says otherwise, multiplied by the expected
/// size of enclosing lists: a slicing argument such as <c>first</c>, or the default list size). Both are what
/// expanding every fragment spread would give, but each fragment is measured once (<see cref="FragmentOrder"/>), so
/// the time is linear in the document; the cost saturates at <see cref="long.MaxValue"/> rather than wrapping around.
/// Introspection (the meta-fields <c>__schema</c> and <c>__type</c> with everything they select) is measured apart
/// from the data fields: standard clients' introspection queries nest <c>ofType</c> deeper than a data limit allows,
/// and their size is bounded by the schema, not by the data (see <see cref="IntrospectionLimits"/>).
/// </summary>
internal sealed class OperationLimits
{
    private readonly Schema _schema;
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> _fragments;
    private readonly IReadOnlyDictionary<string, object?>? _variables;
    private readonly int _defaultListSize;
    private readonly CancellationToken _cancellationToken;
    private Dictionary<string, DepthMeasure>? _fragmentDepths;
    private Dictionary<string, OperationCost>? _fragmentCosts;

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

    public OperationDepth Depth(SelectionSetNode selectionSet)
    {
        if (_fragmentDepths is null)
        {
            _fragmentDepths = new Dictionary<string, DepthMeasure>(StringComparer.Ordinal);
            foreach (var fragment in FragmentOrder.Of(_fragments, _cancellationToken))
            {
                _fragmentDepths[fragment.Name.Value] = DepthOf(fragment.SelectionSet);
            }
        }
        var measure = DepthOf(selectionSet);
        return new OperationDepth(measure.Fields, measure.Introspection, measure.IntrospectionOfTypes);
    }

    public OperationCost Cost(SelectionSetNode selectionSet, NamedType parentType)
    {
        if (_fragmentCosts is null)
        {
            _fragmentCosts = new Dictionary<string, OperationCost>(StringComparer.Ordinal);
            foreach (var fragment in FragmentOrder.Of(_fragments, _cancellationToken))
            {
                // An unknown type condition is a validation error: such a document never runs, so its cost does not matter.
                _fragmentCosts[fragment.Name.Value] = TypeOf(fragment.TypeCondition) is { } type ? CostOf(fragment.SelectionSet, type) : default;
            }
        }
        return CostOf(selectionSet, parentType);
    }

    /// <summary>
    /// Whether a field starts an introspection subtree. Below one there is never another (the meta-fields exist on the
    /// query type only, and introspection types lead back to no other type), so there every field is introspection.
    /// </summary>
    private static bool IsIntrospection(FieldNode field) => field.Name.Value is "__schema" or "__type";

    /// <summary>Recursion follows the document's nesting only (bounded by the parser); spreads read the fragments' measures.</summary>
    private DepthMeasure DepthOf(SelectionSetNode selectionSet)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var max = default(DepthMeasure);
        foreach (var selection in selectionSet.Selections)
        {
            var depth = selection switch
            {
                FieldNode field => FieldDepth(field, field.SelectionSet is { } children ? DepthOf(children) : default),
                InlineFragmentNode inline => DepthOf(inline.SelectionSet),
                // Unknown, or not measured yet because it closes a cycle (a validation error): nothing.
                FragmentSpreadNode spread => _fragmentDepths!.GetValueOrDefault(spread.Name.Value),
                _ => default,
            };
            max = DepthMeasure.Max(max, depth);
        }
        return max;
    }

    private static DepthMeasure FieldDepth(FieldNode field, DepthMeasure children) => IsIntrospection(field)
        ? children with { Fields = 0, OfTypes = 0, Introspection = 1 + children.Fields, IntrospectionOfTypes = children.OfTypes }
        : children with { Fields = 1 + children.Fields, OfTypes = (field.Name.Value == "ofType" ? 1 : 0) + children.OfTypes };

    private OperationCost CostOf(SelectionSetNode selectionSet, NamedType parentType)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var total = default(OperationCost);
        foreach (var selection in selectionSet.Selections)
        {
            total = OperationCost.Add(total, selection switch
            {
                FieldNode field => FieldCost(field, parentType),
                InlineFragmentNode inline => CostOf(inline.SelectionSet, TypeOf(inline.TypeCondition) ?? parentType),
                FragmentSpreadNode spread => _fragmentCosts!.GetValueOrDefault(spread.Name.Value),
                _ => default,
            });
        }
        return total;
    }

    private OperationCost FieldCost(FieldNode field, NamedType parentType)
    {
        var definition = _schema.GetField(parentType, field.Name.Value);
        if (definition is null)
        {
            return default;
        }
        var namedType = definition.Type.Named;
        long weight = definition.Cost ?? (namedType.IsLeaf ? 0 : 1);
        var children = field.SelectionSet is null ? default : CostOf(field.SelectionSet, namedType);
        var multiplier = ContainsList(definition.Type) ? ListSize(field, definition) : 1;
        var cost = new OperationCost(
            SaturatingCost.Multiply(SaturatingCost.Add(weight, children.Data), multiplier),
            SaturatingCost.Multiply(children.Introspection, multiplier));
        // Measured like data within the subtree (no introspection below it), then counted as introspection.
        return IsIntrospection(field) ? new OperationCost(0, SaturatingCost.Add(cost.Data, cost.Introspection)) : cost;
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

    /// <summary>
    /// The depths of a selection set: <see cref="Fields"/> and <see cref="OfTypes"/> count the fields outside
    /// introspection (within an introspection subtree: all of them, until its meta-field turns them into
    /// <see cref="Introspection"/> and <see cref="IntrospectionOfTypes"/>).
    /// </summary>
    private readonly record struct DepthMeasure(int Fields, int OfTypes, int Introspection, int IntrospectionOfTypes)
    {
        public static DepthMeasure Max(DepthMeasure a, DepthMeasure b) => new(
            Math.Max(a.Fields, b.Fields), Math.Max(a.OfTypes, b.OfTypes), Math.Max(a.Introspection, b.Introspection), Math.Max(a.IntrospectionOfTypes, b.IntrospectionOfTypes));
    }
}

/// <summary>
/// An operation's depths: <paramref name="Data"/> is the deepest nesting of fields outside introspection;
/// <paramref name="Introspection"/> the deepest introspection subtree (counted from its <c>__schema</c> or <c>__type</c>);
/// <paramref name="OfTypes"/> the most <c>ofType</c> fields on one path of an introspection subtree.
/// </summary>
internal readonly record struct OperationDepth(int Data, int Introspection, int OfTypes);

/// <summary>An operation's cost outside introspection (<paramref name="Data"/>) and within it, counted apart.</summary>
internal readonly record struct OperationCost(long Data, long Introspection)
{
    public static OperationCost Add(OperationCost a, OperationCost b) =>
        new(SaturatingCost.Add(a.Data, b.Data), SaturatingCost.Add(a.Introspection, b.Introspection));
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
