using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// Static analysis of an operation before it runs: its depth (deepest field nesting, fragments expanded) and its
/// cost (each composite field weighs 1 and leaves 0 unless the schema says otherwise, multiplied by the expected
/// size of enclosing lists: a slicing argument such as <c>first</c>, or the default list size).
/// </summary>
internal sealed class OperationLimits
{
    private readonly Schema _schema;
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> _fragments;
    private readonly IReadOnlyDictionary<string, object?>? _variables;
    private readonly int _defaultListSize;

    public OperationLimits(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?>? variables, int defaultListSize)
    {
        _schema = schema;
        _fragments = fragments;
        _variables = variables;
        _defaultListSize = defaultListSize;
    }

    public int Depth(SelectionSetNode selectionSet) => Depth(selectionSet, []);

    public long Cost(SelectionSetNode selectionSet, NamedType parentType) => Cost(selectionSet, parentType, []);

    private int Depth(SelectionSetNode selectionSet, HashSet<string> visiting)
    {
        var max = 0;
        foreach (var selection in selectionSet.Selections)
        {
            var depth = selection switch
            {
                FieldNode { SelectionSet: { } children } => 1 + Depth(children, visiting),
                FieldNode => 1,
                InlineFragmentNode inline => Depth(inline.SelectionSet, visiting),
                FragmentSpreadNode spread => Spread(spread, visiting, fragment => Depth(fragment.SelectionSet, visiting)),
                _ => 0,
            };
            max = Math.Max(max, depth);
        }
        return max;
    }

    private long Cost(SelectionSetNode selectionSet, NamedType parentType, HashSet<string> visiting)
    {
        long total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            total += selection switch
            {
                FieldNode field => FieldCost(field, parentType, visiting),
                InlineFragmentNode inline => Cost(inline.SelectionSet, TypeOf(inline.TypeCondition) ?? parentType, visiting),
                FragmentSpreadNode spread => Spread(spread, visiting, fragment => Cost(fragment.SelectionSet, TypeOf(fragment.TypeCondition) ?? parentType, visiting)),
                _ => 0,
            };
        }
        return total;
    }

    private long FieldCost(FieldNode field, NamedType parentType, HashSet<string> visiting)
    {
        var definition = _schema.GetField(parentType, field.Name.Value);
        if (definition is null)
        {
            return 0;
        }
        var namedType = definition.Type.Named;
        long weight = definition.Cost ?? (namedType.IsLeaf ? 0 : 1);
        var children = field.SelectionSet is null ? 0 : Cost(field.SelectionSet, namedType, visiting);
        var multiplier = ContainsList(definition.Type) ? ListSize(field, definition) : 1;
        return (weight + children) * multiplier;
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

    private T Spread<T>(FragmentSpreadNode spread, HashSet<string> visiting, Func<FragmentDefinitionNode, T> measure)
        where T : struct
    {
        var name = spread.Name.Value;
        if (!_fragments.TryGetValue(name, out var fragment) || !visiting.Add(name))
        {
            return default;
        }
        var result = measure(fragment);
        visiting.Remove(name);
        return result;
    }
}
