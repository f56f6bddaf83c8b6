using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.3.2 Field Selection Merging (FieldsInSetCanMerge): fields sharing a response name must be the same field
/// with the same arguments (unless their parents are distinct object types) and return shapes that can merge.
/// Follows graphql-js's algorithm: each selection set is compared "within" once, everything else "between", with
/// field maps cached per selection set and fragment pairs memoized so the check stays polynomial. Like graphql-js 17
/// it spends from a fixed work budget and aborts validation past it, so a hostile document (thousands of repeats of
/// one field) costs milliseconds, not seconds.
/// </summary>
internal sealed class OverlappingFieldsCanBeMergedRule(ValidationContext context) : ValidationRule(context)
{
    /// <summary>graphql-js 17's <c>MAX_COMPLEXITY_BUDGET</c>.</summary>
    private const int ComplexityBudget = 500_000;

    private readonly FragmentPairSet _comparedFragmentPairs = new();
    private int _remainingBudget = ComplexityBudget;
    private readonly Dictionary<SelectionSetNode, FieldsAndFragments> _cache = [];

    private SelectionSetNode? _inlineFragmentSelectionSet;

    public override bool Enter(SyntaxNode node)
    {
        if (node is InlineFragmentNode inline)
        {
            _inlineFragmentSelectionSet = inline.SelectionSet;
        }

        // As graphql-js 17: an inline fragment's fields are checked with its parent selection set (checking them again
        // would report the same conflict twice), and a set of one field (or one spread) has nothing to compare.
        if (node is SelectionSetNode selectionSet && !ReferenceEquals(selectionSet, _inlineFragmentSelectionSet)
            && (selectionSet.Selections.Count > 1 || selectionSet.Selections[0] is InlineFragmentNode))
        {
            foreach (var conflict in FindConflictsWithin(Context.ParentType, selectionSet))
            {
                Context.ReportError(
                    $"Fields \"{conflict.Reason.ResponseName}\" conflict because {conflict.Reason.Describe()}. "
                    + "Use different aliases on the fields to fetch both if this was intentional.",
                    [.. conflict.Fields1, .. conflict.Fields2]);
            }
        }

        return true;
    }

    private List<Conflict> FindConflictsWithin(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap, fragmentNames) = GetFieldsAndFragments(parentType, selectionSet);

        // (A) Conflicts among this selection set's own fields: the only place fields are compared "within".
        foreach (var fields in fieldMap.Values.Where(f => f.Count > 1))
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    AddIfConflict(conflicts, FindConflict(false, fields[i], fields[j]));
                }
            }
        }

        var discovered = new List<(string Fragment, string Referenced)>();
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            // (B) These fields against each spread fragment; (C) the spread fragments against each other.
            CollectConflictsBetweenFieldsAndFragment(conflicts, false, fieldMap, fragmentNames[i], discovered);
            for (var j = i + 1; j < fragmentNames.Count; j++)
            {
                CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }

        ProcessDiscoveredFragments(conflicts, false, fieldMap, discovered);
        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(
        List<Conflict> conflicts,
        bool mutuallyExclusive,
        FieldMap fieldMap,
        string fragmentName,
        List<(string Fragment, string Referenced)> discovered)
    {
        Spend(1);
        if (Context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }

        var (fieldMap2, referenced) = GetReferencedFieldsAndFragments(fragment);
        if (ReferenceEquals(fieldMap, fieldMap2))
        {
            return;
        }

        // (D) The fields against the fragment's fields; (E) its nested fragments are queued for the caller.
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap, fieldMap2);
        discovered.AddRange(referenced.Select(name => (fragmentName, name)));
    }

    private void ProcessDiscoveredFragments(
        List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fieldMap, List<(string Fragment, string Referenced)> discovered)
    {
        while (discovered.Count > 0)
        {
            var (fragmentName, referencedName) = discovered[^1];
            discovered.RemoveAt(discovered.Count - 1);
            if (_comparedFragmentPairs.Has(referencedName, fragmentName, mutuallyExclusive))
            {
                continue;
            }

            _comparedFragmentPairs.Add(referencedName, fragmentName, mutuallyExclusive);
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap, referencedName, discovered);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool mutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        if (fragmentName1 == fragmentName2 || _comparedFragmentPairs.Has(fragmentName1, fragmentName2, mutuallyExclusive))
        {
            return;
        }

        _comparedFragmentPairs.Add(fragmentName1, fragmentName2, mutuallyExclusive);
        Spend(1);
        if (Context.GetFragment(fragmentName1) is not { } fragment1 || Context.GetFragment(fragmentName2) is not { } fragment2)
        {
            return;
        }

        var (fieldMap1, referenced1) = GetReferencedFieldsAndFragments(fragment1);
        var (fieldMap2, referenced2) = GetReferencedFieldsAndFragments(fragment2);

        // (F) The two fragments' fields; (G) each against the other's nested fragments.
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap1, fieldMap2);
        foreach (var name in referenced2)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, fragmentName1, name);
        }

        foreach (var name in referenced1)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name, fragmentName2);
        }
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool mutuallyExclusive, NamedType? parentType1, SelectionSetNode selectionSet1, NamedType? parentType2, SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap1, fragmentNames1) = GetFieldsAndFragments(parentType1, selectionSet1);
        var (fieldMap2, fragmentNames2) = GetFieldsAndFragments(parentType2, selectionSet2);

        // (H) Field against field; (I) each side's fields against the other side's fragments; (J) fragment pairs.
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap1, fieldMap2);
        var discovered = new List<(string Fragment, string Referenced)>();
        foreach (var name in fragmentNames2)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap1, name, discovered);
        }

        ProcessDiscoveredFragments(conflicts, mutuallyExclusive, fieldMap1, discovered);
        foreach (var name in fragmentNames1)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap2, name, discovered);
        }

        ProcessDiscoveredFragments(conflicts, mutuallyExclusive, fieldMap2, discovered);
        foreach (var name1 in fragmentNames1)
        {
            foreach (var name2 in fragmentNames2)
            {
                CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, name2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fieldMap1, FieldMap fieldMap2)
    {
        foreach (var (responseName, fields1) in fieldMap1)
        {
            if (!fieldMap2.TryGetValue(responseName, out var fields2))
            {
                continue;
            }

            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    AddIfConflict(conflicts, FindConflict(mutuallyExclusive, field1, field2));
                }
            }
        }
    }

    private Conflict? FindConflict(bool parentsMutuallyExclusive, FieldAndDefinition field1, FieldAndDefinition field2)
    {
        Spend(2);
        var responseName = field1.Node.ResponseKey;

        // Fields under two different object types can never apply to the same object, so they may differ freely.
        var mutuallyExclusive = parentsMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        if (!mutuallyExclusive)
        {
            var name1 = field1.Node.Name.Value;
            var name2 = field2.Node.Name.Value;
            if (name1 != name2)
            {
                return new Conflict(new ConflictReason(responseName, $"\"{name1}\" and \"{name2}\" are different fields"), [field1.Node], [field2.Node]);
            }

            if (!SameArguments(field1.Node.Arguments, field2.Node.Arguments))
            {
                return new Conflict(new ConflictReason(responseName, "they have differing arguments"), [field1.Node], [field2.Node]);
            }
        }

        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return new Conflict(
                new ConflictReason(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\""), [field1.Node], [field2.Node]);
        }

        if (field1.Node.SelectionSet is { } selectionSet1 && field2.Node.SelectionSet is { } selectionSet2)
        {
            var subConflicts = FindConflictsBetweenSubSelectionSets(
                mutuallyExclusive, type1?.Named, selectionSet1, type2?.Named, selectionSet2);
            if (subConflicts.Count > 0)
            {
                return new Conflict(
                    new ConflictReason(responseName, null, subConflicts.ConvertAll(c => c.Reason)),
                    [field1.Node, .. subConflicts.SelectMany(c => c.Fields1)],
                    [field2.Node, .. subConflicts.SelectMany(c => c.Fields2)]);
            }
        }

        return null;
    }

    private static bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        return arguments1.All(argument1 => arguments2.FirstOrDefault(a => a.Name.Value == argument1.Name.Value) is { } argument2
            && Printer.Print(SortFields(argument1.Value)) == Printer.Print(SortFields(argument2.Value)));
    }

    /// <summary>graphql-js's <c>sortValueNode</c>: object fields in name order so <c>{a:1,b:2}</c> equals <c>{b:2,a:1}</c>.</summary>
    private static ValueNode SortFields(ValueNode value) => value switch
    {
        ObjectValueNode o => new ObjectValueNode(
            o.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal).Select(f => new ObjectFieldNode(f.Name, SortFields(f.Value))).ToList()),
        ListValueNode l => new ListValueNode(l.Values.Select(SortFields).ToList()),
        _ => value,
    };

    /// <summary>List and non-null wrappers must match, and leaves must be the same type; composites compare by their fields.</summary>
    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2) => (type1, type2) switch
    {
        (ListType list1, ListType list2) => DoTypesConflict(list1.OfType, list2.OfType),
        (ListType, _) or (_, ListType) => true,
        (NonNullType nonNull1, NonNullType nonNull2) => DoTypesConflict(nonNull1.OfType, nonNull2.OfType),
        (NonNullType, _) or (_, NonNullType) => true,
        _ when type1.IsLeaf || type2.IsLeaf => !ReferenceEquals(type1, type2),
        _ => false,
    };

    private FieldsAndFragments GetFieldsAndFragments(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (!_cache.TryGetValue(selectionSet, out var cached))
        {
            var fieldMap = new FieldMap(StringComparer.Ordinal);
            var fragmentNames = new List<string>();
            Collect(parentType, selectionSet, fieldMap, fragmentNames);
            _cache[selectionSet] = cached = new FieldsAndFragments(fieldMap, fragmentNames);
        }

        return cached;
    }

    private FieldsAndFragments GetReferencedFieldsAndFragments(FragmentDefinitionNode fragment) =>
        _cache.TryGetValue(fragment.SelectionSet, out var cached)
            ? cached
            : GetFieldsAndFragments(Context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);

    private void Collect(NamedType? parentType, SelectionSetNode selectionSet, FieldMap fieldMap, List<string> fragmentNames)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (!fieldMap.TryGetValue(field.ResponseKey, out var fields))
                    {
                        fieldMap[field.ResponseKey] = fields = [];
                    }

                    fields.Add(new FieldAndDefinition(parentType, field, (parentType as ComplexType)?.GetField(field.Name.Value)));
                    break;
                case FragmentSpreadNode spread:
                    if (!fragmentNames.Contains(spread.Name.Value))
                    {
                        fragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var type = inline.TypeCondition is { } condition ? Context.Schema.GetType(condition.Name.Value) : parentType;
                    Collect(type, inline.SelectionSet, fieldMap, fragmentNames);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Every step of the comparison spends here, so it is also where the request's cancellation is seen.</summary>
    private void Spend(int cost)
    {
        Context.CancellationToken.ThrowIfCancellationRequested();
        _remainingBudget -= cost;
        if (_remainingBudget < 0)
        {
            Context.Abort();
        }
    }

    private static void AddIfConflict(List<Conflict> conflicts, Conflict? conflict)
    {
        if (conflict is not null)
        {
            conflicts.Add(conflict);
        }
    }

    private sealed class FieldMap(StringComparer comparer) : OrderedDictionary<string, List<FieldAndDefinition>>(comparer);

    private sealed record FieldsAndFragments(FieldMap FieldMap, List<string> FragmentNames);

    private sealed record FieldAndDefinition(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    private sealed record Conflict(ConflictReason Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    /// <summary>Why two fields conflict: a message, or the conflicts among their subfields.</summary>
    private sealed record ConflictReason(string ResponseName, string? Message, List<ConflictReason>? SubReasons = null)
    {
        public string Describe() => Message
            ?? string.Join(" and ", SubReasons!.Select(r => $"subfields \"{r.ResponseName}\" conflict because {r.Describe()}"));
    }

    /// <summary>
    /// Unordered fragment pairs already compared. A pair compared as not mutually exclusive also covers the mutually
    /// exclusive case, not the other way round.
    /// </summary>
    private sealed class FragmentPairSet
    {
        private readonly Dictionary<(string, string), bool> _pairs = [];

        public bool Has(string a, string b, bool mutuallyExclusive) =>
            _pairs.TryGetValue(Key(a, b), out var recorded) && (mutuallyExclusive || !recorded);

        public void Add(string a, string b, bool mutuallyExclusive) => _pairs[Key(a, b)] = mutuallyExclusive;

        private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
    }
}
