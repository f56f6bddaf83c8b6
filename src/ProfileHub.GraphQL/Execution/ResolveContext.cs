using System.Globalization;
using ProfileHub.GraphQL.DataLoader;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Execution;

/// <summary>A resolver: from the field's context to its value (sync or async).</summary>
public delegate ValueTask<object?> FieldResolver(ResolveContext context);

/// <summary>What a resolver knows about the field it resolves (graphql-js's source, args, context and info).</summary>
public sealed class ResolveContext
{
    private readonly OperationContext _operation;
    private readonly FieldPlan _plan;
    private readonly ResultObject _target;
    private readonly int _slot;
    private ResultPath? _path;

    internal ResolveContext(OperationContext operation, FieldPlan plan, ObjectType parentType, object? parent, ResultObject target, int slot)
    {
        _operation = operation;
        _plan = plan;
        ParentType = parentType;
        Parent = parent;
        _target = target;
        _slot = slot;
    }

    /// <summary>The object the field belongs to (the parent resolver's value; the root value for root fields).</summary>
    public object? Parent { get; }

    public ObjectType ParentType { get; }

    public FieldDefinition Field => _plan.Definition;

    /// <summary>Built on first use: most resolvers never ask for it.</summary>
    public ResultPath Path => _path ??= _target.PathAt(_slot);

    public IReadOnlyList<FieldNode> FieldNodes => _plan.Nodes;

    /// <summary>Coerced argument values, defaults applied (spec 6.4.1 CoerceArgumentValues).</summary>
    public IReadOnlyDictionary<string, object?> Arguments => _plan.Arguments ?? Empty;

    public IReadOnlyDictionary<string, object?> Variables => _operation.Variables;

    public Schema Schema => _operation.Schema;

    public IServiceProvider Services => _operation.Services;

    public CancellationToken CancellationToken => _operation.CancellationToken;

    /// <summary>Request-scoped data loaders: keys collected during one execution level are fetched once.</summary>
    public DataLoaderScope DataLoaders => _operation.DataLoaders;

    /// <summary>Request-scoped state shared by resolvers (the user, a unit of work...).</summary>
    public IDictionary<string, object?> Items => _operation.Items;

    private static Dictionary<string, object?> Empty { get; } = [];

    /// <summary>What the default resolver reads for this field (for a resolver wrapped around it, e.g. an authorization check).</summary>
    internal object? ResolveDefault() => _plan.ResolveDefault(Parent);

    /// <summary>The parent object as <typeparamref name="T"/>.</summary>
    public T Source<T>() => Parent is T typed
        ? typed
        : throw new InvalidOperationException($"The parent of {ParentType.Name}.{Field.Name} is {Parent?.GetType().Name ?? "null"}, not {typeof(T).Name}.");

    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    /// <summary>An argument converted to <typeparamref name="T"/> (default when absent or null).</summary>
    public T Argument<T>(string name)
    {
        if (!Arguments.TryGetValue(name, out var value) || value is null)
        {
            return default!;
        }
        if (value is T typed)
        {
            return typed;
        }
        return (T)Convert(value, typeof(T))!;
    }

    /// <summary>Converts a coerced value: numbers between CLR types, enum names, lists to arrays or lists of the item type.</summary>
    private static object? Convert(object? value, Type type)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum && value is string text)
        {
            return Enum.Parse(target, text, ignoreCase: true);
        }
        if (value is List<object?> items && target != typeof(string))
        {
            var itemType = target.IsArray ? target.GetElementType()! : target.GetGenericArguments().FirstOrDefault() ?? typeof(object);
            var array = Array.CreateInstance(itemType, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(Convert(items[i], itemType), i);
            }
            if (target.IsInstanceOfType(array))
            {
                return array;
            }
            return Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType), array);
        }
        return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}

/// <summary>The path of a field in the response (spec 7.1.2 "path").</summary>
public sealed class ResultPath
{
    private ResultPath(ResultPath? parent, string? key, int index, int ordinal)
    {
        Parent = parent;
        Key = key;
        Index = index;
        Ordinal = ordinal;
        Depth = parent is null ? 1 : parent.Depth + 1;
    }

    public ResultPath? Parent { get; }

    /// <summary>The response key, or null for a list index.</summary>
    public string? Key { get; }

    public int Index { get; }

    /// <summary>Position among its siblings in response order (list index, or the key's place in its selection).</summary>
    internal int Ordinal { get; }

    internal int Depth { get; }

    public static ResultPath Root(string key) => new(null, key, -1, 0);

    public ResultPath Append(string key) => new(this, key, -1, 0);

    public ResultPath Append(int index) => new(this, null, index, index);

    internal static ResultPath Root(string key, int ordinal) => new(null, key, -1, ordinal);

    internal ResultPath Append(string key, int ordinal) => new(this, key, -1, ordinal);

    /// <summary>The ordinals from the root: sorting errors by them lists errors in response order.</summary>
    internal int[] Ordinals()
    {
        var ordinals = new int[Depth];
        var i = Depth;
        for (var current = this; current is not null; current = current.Parent)
        {
            ordinals[--i] = current.Ordinal;
        }
        return ordinals;
    }

    /// <summary>The segments from the root: strings and ints, as written in an error's path.</summary>
    public IReadOnlyList<object> ToList()
    {
        var segments = new List<object>();
        for (var current = this; current is not null; current = current.Parent)
        {
            segments.Add(current.Key is null ? current.Index : current.Key);
        }
        segments.Reverse();
        return segments;
    }

    public override string ToString() =>
        string.Concat(ToList().Select(s => s is int i ? "[" + i.ToString(CultureInfo.InvariantCulture) + "]" : "." + s)).TrimStart('.');
}

public static class ResolverServices
{
    /// <summary>The registered service of type <typeparamref name="T"/>; throws when the host has none.</summary>
    public static T Get<T>(this IServiceProvider services)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        return (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException($"No service of type {typeof(T).Name} is registered."));
    }
}
