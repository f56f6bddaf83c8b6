using System.Text.Encodings.Web;
using System.Text.Json;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// One response key of a selection (the spec's field group, 6.3.2 CollectFields): its definition, its field
/// nodes, its coerced arguments and, per runtime object type, the plan of its sub-selection. Built once per
/// operation execution, so a list of a thousand objects collects its sub-fields once.
/// </summary>
internal sealed class FieldPlan
{
    private Dictionary<ObjectType, SelectionPlan>? _children;
    private volatile SelectionPlan? _lastChild;

    public FieldPlan(string responseKey, FieldDefinition definition, int ordinal)
    {
        ResponseKey = responseKey;
        EncodedKey = JsonEncodedText.Encode(responseKey, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        Definition = definition;
        Ordinal = ordinal;
    }

    public string ResponseKey { get; }

    /// <summary>The key encoded once for the JSON writer (it is written once per object of a list).</summary>
    public JsonEncodedText EncodedKey { get; }

    public FieldDefinition Definition { get; }

    /// <summary>Position of the key in its selection (errors are sorted by it).</summary>
    public int Ordinal { get; }

    public List<FieldNode> Nodes { get; } = new(1);

    public Dictionary<string, object?>? Arguments { get; private set; }

    public string? ArgumentError { get; private set; }

    private Accessor? _accessor;

    /// <summary>The default resolver, with the accessor cached for the last parent CLR type (lists are uniform).</summary>
    public object? ResolveDefault(object? source)
    {
        if (source is null)
        {
            return null;
        }
        var type = source.GetType();
        var accessor = _accessor;
        if (accessor?.Type != type)
        {
            // One reference, swapped whole: safe when a cached plan serves concurrent requests.
            accessor = new Accessor(type, DefaultResolver.AccessorFor(type, Definition.Name));
            _accessor = accessor;
        }
        return accessor.Read(source);
    }

    public void CoerceArguments(IReadOnlyDictionary<string, object?> variables, string owner)
    {
        if (Definition.Arguments.Count > 0)
        {
            Arguments = ValueCoercion.CoerceArguments(Definition.Arguments, Nodes[0].Arguments, variables, owner, out var error);
            ArgumentError = error;
        }
    }

    public SelectionPlan ChildPlan(ObjectType runtimeType, FieldCollector collector)
    {
        // Asked once per object of a list, mostly for one runtime type: the last plan is read without the lock, which
        // every request sharing a cached plan (operations without variables) would otherwise contend for.
        var last = _lastChild;
        if (last is not null && ReferenceEquals(last.Type, runtimeType))
        {
            return last;
        }
        lock (Nodes)
        {
            _children ??= new Dictionary<ObjectType, SelectionPlan>(1);
            if (!_children.TryGetValue(runtimeType, out var plan))
            {
                _children[runtimeType] = plan = collector.Collect(runtimeType, Nodes.Where(n => n.SelectionSet is not null).Select(n => n.SelectionSet!));
            }
            _lastChild = plan;
            return plan;
        }
    }
}

internal sealed record Accessor(Type Type, Func<object, object?> Read);

/// <summary>The collected fields of one selection for one object type, in response order.</summary>
internal sealed class SelectionPlan
{
    public SelectionPlan(ObjectType type, FieldPlan[] fields)
    {
        Type = type;
        Fields = fields;
    }

    public ObjectType Type { get; }

    public FieldPlan[] Fields { get; }
}

/// <summary>CollectFields (spec 6.3.2) with @skip/@include (3.13.2, 3.13.3) and fragments.</summary>
internal sealed class FieldCollector
{
    private readonly OperationContext _context;

    public FieldCollector(OperationContext context) => _context = context;

    public SelectionPlan Collect(ObjectType type, IEnumerable<SelectionSetNode> selectionSets)
    {
        var fields = new OrderedDictionary<string, FieldPlan>(StringComparer.Ordinal);
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selectionSet in selectionSets)
        {
            CollectInto(type, selectionSet, fields, visitedFragments);
        }
        var plans = fields.Values.ToArray();
        foreach (var plan in plans)
        {
            plan.CoerceArguments(_context.Variables, $"{type.Name}.{plan.Definition.Name}");
        }
        return new SelectionPlan(type, plans);
    }

    private void CollectInto(ObjectType type, SelectionSetNode selectionSet, OrderedDictionary<string, FieldPlan> fields, HashSet<string> visitedFragments)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection.Directives))
            {
                continue;
            }
            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseKey;
                    if (!fields.TryGetValue(key, out var plan))
                    {
                        var definition = _context.Schema.GetField(type, field.Name.Value);
                        if (definition is null)
                        {
                            // Unknown fields are a validation error; execution skips them (graphql-js does the same).
                            continue;
                        }
                        fields.Add(key, plan = new FieldPlan(key, definition, fields.Count));
                    }
                    plan.Nodes.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || DoesFragmentTypeApply(type, inline.TypeCondition))
                    {
                        CollectInto(type, inline.SelectionSet, fields, visitedFragments);
                    }
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (visitedFragments.Add(name)
                        && _context.Fragments.TryGetValue(name, out var fragment)
                        && DoesFragmentTypeApply(type, fragment.TypeCondition))
                    {
                        CollectInto(type, fragment.SelectionSet, fields, visitedFragments);
                    }
                    break;
            }
        }
    }

    private bool DoesFragmentTypeApply(ObjectType type, NamedTypeNode condition)
    {
        var conditionType = _context.Schema.GetType(condition.Name.Value);
        return conditionType is not null && (ReferenceEquals(conditionType, type) || (conditionType.IsAbstract && _context.Schema.IsSubType(conditionType, type)));
    }

    private bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        for (var i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
            var name = directive.Name.Value;
            if (name is "skip" or "include" && directive.Arguments.Count > 0)
            {
                var value = directive.Arguments[0].Value switch
                {
                    BooleanValueNode b => b.Value,
                    VariableNode v => _context.Variables.GetValueOrDefault(v.Name.Value) is true,
                    _ => false,
                };
                if (value == (name == "skip"))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
