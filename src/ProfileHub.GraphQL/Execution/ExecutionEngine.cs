using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// Executes a selection breadth first (spec 6.3 ExecuteSelectionSet, 6.4 ExecuteField, CompleteValue): every
/// field of one level is started before any is awaited, so async resolvers run in parallel and the level's
/// data-loader keys are dispatched together; mutation root fields run one after another (6.2.2).
/// The completion phase runs on one thread at a time, so the result tree and errors need no locks.
/// </summary>
internal sealed class ExecutionEngine
{
    private static readonly object Invalid = new();
    private readonly OperationContext _context;
    private readonly FieldCollector _collector;

    public ExecutionEngine(OperationContext context)
    {
        _context = context;
        _collector = new FieldCollector(context);
    }

    /// <summary>Runs the operation; returns the data object, or null when a root non-null field failed.</summary>
    public async Task<ResultObject?> ExecuteAsync(ObjectType rootType, object? rootValue, bool serial, SelectionPlan? cachedPlan = null)
    {
        var plan = cachedPlan ?? RootPlan(rootType);
        var root = new ResultObject(plan, parent: null, slot: 0, slotNullable: true);
        if (serial)
        {
            for (var i = 0; i < plan.Fields.Length && !root.Dead; i++)
            {
                await RunAsync([new WorkItem(rootType, rootValue, root, i, 1)]);
            }
        }
        else
        {
            await RunAsync([new WorkItem(rootType, rootValue, root, 0, plan.Fields.Length)]);
        }
        return root.Dead ? null : root;
    }

    public SelectionPlan RootPlan(ObjectType rootType) => _collector.Collect(rootType, [_context.Operation.SelectionSet]);

    private async Task RunAsync(List<WorkItem> level)
    {
        var records = new List<FieldRecord>();
        var pending = new List<Task<object?>>();
        while (level.Count > 0)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            records.Clear();
            pending.Clear();
            var next = new List<WorkItem>();
            foreach (var item in level)
            {
                // A level can hold every object of a long list: the request's cancellation is seen between objects.
                _context.CancellationToken.ThrowIfCancellationRequested();
                if (item.Target.IsAlive)
                {
                    StartFields(item, records, pending, next);
                }
            }
            if (pending.Count > 0)
            {
                await WaitAsync(pending);
                foreach (var record in records)
                {
                    CompleteField(record, next);
                }
            }
            level = next;
        }
    }

    /// <summary>
    /// Starts the item's resolvers. Values that are there at once are completed at once (no bookkeeping for the
    /// common synchronous case); pending ones are recorded and completed once the level's tasks are done.
    /// </summary>
    private void StartFields(WorkItem item, List<FieldRecord> records, List<Task<object?>> pending, List<WorkItem> next)
    {
        var fields = item.Target.Plan.Fields;
        for (var i = item.Start; i < item.Start + item.Count; i++)
        {
            if (item.Target.Dead)
            {
                // A sibling's null in a non-null position removed this object: like graphql-js, stop resolving it.
                return;
            }
            var plan = fields[i];
            if (plan.ArgumentError is not null)
            {
                CompleteField(new FieldRecord(item, i, new GraphQLException(plan.ArgumentError, ErrorCodes.BadUserInput), null), next);
                continue;
            }
            var resolver = plan.Definition.Resolver;
            if (resolver is null)
            {
                // The common case (a property of the parent): no context, no path unless something needs one.
                CompleteField(new FieldRecord(item, i, Resolve(item.Source, plan), null), next);
                continue;
            }
            try
            {
                var result = resolver(new ResolveContext(_context, plan, item.Type, item.Source, item.Target, i));
                if (result.IsCompletedSuccessfully)
                {
                    CompleteField(new FieldRecord(item, i, result.Result, null), next);
                }
                else
                {
                    var task = result.AsTask();
                    pending.Add(task);
                    records.Add(new FieldRecord(item, i, null, task));
                }
            }
#pragma warning disable CA1031 // A resolver's failure becomes a field error (spec 6.4.4), whatever it is.
            catch (Exception error)
#pragma warning restore CA1031
            {
                CompleteField(new FieldRecord(item, i, error, null), next);
            }
        }
    }

    private static object? Resolve(object? source, FieldPlan plan)
    {
        try
        {
            return plan.ResolveDefault(source);
        }
#pragma warning disable CA1031 // A failing property getter is a field error like any resolver's.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return error;
        }
    }

    /// <summary>Waits for the level's async resolvers, dispatching data loaders whenever keys are queued.</summary>
    private async Task WaitAsync(List<Task<object?>> pending)
    {
        var loaders = _context.DataLoaders;
        while (true)
        {
            if (loaders.HasPendingKeys)
            {
                await loaders.DispatchAsync();
                continue;
            }
            var remaining = pending.Where(t => !t.IsCompleted).ToList();
            if (remaining.Count == 0)
            {
                return;
            }
            var whenKeys = loaders.WhenKeysQueued;
            if (loaders.HasPendingKeys)
            {
                continue;
            }
            await Task.WhenAny(Task.WhenAll(remaining), whenKeys).WaitAsync(_context.CancellationToken);
        }
    }

    private void CompleteField(in FieldRecord record, List<WorkItem> next)
    {
        var target = record.Item.Target;
        // Synchronous values complete while their object is known to be alive; awaited ones check the whole chain.
        if (record.Task is not null && !target.IsAlive)
        {
            return;
        }
        var value = record.Value;
        if (record.Task is { } task)
        {
            value = task.IsCompletedSuccessfully ? task.Result : (object?)task.Exception?.InnerException ?? new OperationCanceledException();
        }
        var plan = target.Plan.Fields[record.Index];
        var type = plan.Definition.Type;
        object? completed;
        if (value is not null and not Exception && type.Nullable is ScalarType scalar && TrySerialize(scalar, value, out var leaf))
        {
            // Fast path for leaves: nothing to check when the value is already what the scalar writes.
            completed = leaf;
        }
        else
        {
            completed = Complete(type, plan, value, target, record.Index, next);
        }
        if (completed == Invalid)
        {
            PropagateNull(target);
        }
        else
        {
            target.Values[record.Index] = completed;
        }
    }

    /// <summary>
    /// CompleteValue (6.4.3): the value for a slot of <paramref name="container"/>, or <see cref="Invalid"/> when a null
    /// must go to the parent. The slot's response path is only built when an error needs it (<see cref="ResultNode.PathAt"/>).
    /// </summary>
    private object? Complete(GraphQLType type, FieldPlan plan, object? value, ResultNode container, int slot, List<WorkItem> next)
    {
        if (value is Exception error)
        {
            AddError(error, plan, container.PathAt(slot));
            return type.IsNonNull ? Invalid : null;
        }
        if (type is NonNullType nonNull)
        {
            var inner = CompleteNullable(nonNull.OfType, plan, value, container, slot, slotNullable: false, next);
            if (inner is null)
            {
                AddError(new GraphQLException($"Cannot return null for non-nullable field {ParentName(container)}.{plan.Definition.Name}."), plan, container.PathAt(slot));
                return Invalid;
            }
            return inner;
        }
        var result = CompleteNullable(type, plan, value, container, slot, slotNullable: true, next);
        return result == Invalid ? null : result;
    }

    private object? CompleteNullable(GraphQLType type, FieldPlan plan, object? value, ResultNode container, int slot, bool slotNullable, List<WorkItem> next)
    {
        if (value is JsonElement json)
        {
            value = json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null
                : type is ScalarType { Name: "JSON" } ? json
                : json.ValueKind == JsonValueKind.Array ? json.EnumerateArray().Cast<object?>().ToList()
                : json.ValueKind == JsonValueKind.Object ? json
                : JsonValues.ToPlain(json);
        }
        if (value is null)
        {
            return null;
        }
        switch (type)
        {
            case ListType list:
                return CompleteList(list, plan, value, container, slot, slotNullable, next);
            case ScalarType scalar:
                if (TrySerialize(scalar, value, out var leaf))
                {
                    return leaf;
                }
                return Serialize(scalar, null, value, plan, container, slot);
            case EnumType enumType:
                return Serialize(null, enumType, value, plan, container, slot);
            default:
                var runtimeType = type as ObjectType ?? ResolveRuntimeType((NamedType)type, value, plan, container, slot);
                if (runtimeType is null)
                {
                    return Invalid;
                }
                var childPlan = plan.ChildPlan(runtimeType, _collector);
                var child = new ResultObject(childPlan, container, slot, slotNullable);
                next.Add(new WorkItem(runtimeType, value, child, 0, childPlan.Fields.Length));
                return child;
        }
    }

    private object? CompleteList(ListType type, FieldPlan plan, object value, ResultNode container, int slot, bool slotNullable, List<WorkItem> next)
    {
        if (value is string || value is not IEnumerable items)
        {
            AddError(new GraphQLException($"Expected Iterable, but did not find one for field \"{ParentName(container)}.{plan.Definition.Name}\"."), plan, container.PathAt(slot));
            return Invalid;
        }
        var source = items as IList ?? items.Cast<object?>().ToList();
        var list = new ResultList(source.Count, container, slot, slotNullable);
        for (var i = 0; i < source.Count; i++)
        {
            // A resolver may hand over a million items at once, with no await where cancellation could be noticed.
            _context.CancellationToken.ThrowIfCancellationRequested();
            var item = Complete(type.OfType, plan, source[i], list, i, next);
            if (item == Invalid)
            {
                list.Dead = true;
                return Invalid;
            }
            list.Items[i] = item;
        }
        return list;
    }

    /// <summary>Values that are already what the scalar writes (the usual case) skip the coercion call.</summary>
    private static bool TrySerialize(ScalarType scalar, object value, out object? result)
    {
        if ((value is string && (ReferenceEquals(scalar, Scalars.String) || ReferenceEquals(scalar, Scalars.ID)))
            || (value is int && ReferenceEquals(scalar, Scalars.Int))
            || (value is bool && ReferenceEquals(scalar, Scalars.Boolean)))
        {
            result = value;
            return true;
        }
        result = null;
        return false;
    }

    private object? Serialize(ScalarType? scalar, EnumType? enumType, object value, FieldPlan plan, ResultNode container, int slot)
    {
        try
        {
            return scalar is not null ? scalar.Serialize(value) : enumType!.Serialize(value);
        }
        catch (CoercionException error)
        {
            AddError(new GraphQLException(error.Message), plan, container.PathAt(slot));
            return Invalid;
        }
    }

    private ObjectType? ResolveRuntimeType(NamedType abstractType, object value, FieldPlan plan, ResultNode container, int slot)
    {
        var schema = _context.Schema;
        var resolveType = (abstractType as InterfaceType)?.ResolveType ?? (abstractType as UnionType)?.ResolveType;
        var name = resolveType?.Invoke(value)
            ?? (value as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("__typename") as string;
        if (name is not null)
        {
            var named = schema.GetType(name);
            if (named is not ObjectType objectType)
            {
                AddError(new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{name}\" that does not exist inside the schema."), plan, container.PathAt(slot));
                return null;
            }
            if (!schema.IsSubType(abstractType, objectType))
            {
                AddError(new GraphQLException($"Runtime Object type \"{name}\" is not a possible type for \"{abstractType.Name}\"."), plan, container.PathAt(slot));
                return null;
            }
            return objectType;
        }
        var possible = schema.GetPossibleTypes(abstractType);
        var valueType = value.GetType();
        foreach (var candidate in possible)
        {
            if (candidate.IsTypeOf?.Invoke(value) ?? candidate.ClrType?.IsInstanceOfType(value) ?? false)
            {
                return candidate;
            }
        }
        foreach (var candidate in possible)
        {
            if (candidate.IsTypeOf is null && candidate.ClrType is null && candidate.Name == valueType.Name)
            {
                return candidate;
            }
        }
        AddError(new GraphQLException(
            $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{ParentName(container)}.{plan.Definition.Name}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function."),
            plan, container.PathAt(slot));
        return null;
    }

    private static string ParentName(ResultNode container)
    {
        for (var node = container; node is not null; node = node.Parent)
        {
            if (node is ResultObject obj)
            {
                return obj.Plan.Type.Name;
            }
        }
        return "";
    }

    private static void PropagateNull(ResultNode node)
    {
        while (true)
        {
            node.Dead = true;
            if (node.Parent is null)
            {
                return;
            }
            if (node.SlotNullable)
            {
                node.Parent.Set(node.Slot, null);
                return;
            }
            node = node.Parent;
        }
    }

    private void AddError(Exception error, FieldPlan plan, ResultPath path)
    {
        if (error is not GraphQLException and not OperationCanceledException)
        {
            // The client sees a masked message: the operator needs the real one, with the field it came from.
            var logger = _context.Services.GetService(typeof(ILogger<ExecutionEngine>)) as ILogger;
            if (logger is not null)
            {
                LogResolverFailure(logger, path.ToString(), error);
            }
        }

        var (message, extensions) = error switch
        {
            GraphQLException known => (known.Message, known.Extensions),
            OperationCanceledException when _context.CancellationToken.IsCancellationRequested => throw error,
            _ when _context.Options.IncludeExceptionDetails => (error.Message, (IReadOnlyDictionary<string, object?>?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["code"] = ErrorCodes.InternalServerError,
                ["exception"] = error.GetType().FullName,
            }),
            _ => ("Unexpected Execution Error", GraphQLError.CodeOf(ErrorCodes.InternalServerError)),
        };
        _context.Errors.Add(new GraphQLError(message, GraphQLError.LocationsOf(plan.Nodes), path.ToList(), extensions) { Order = path.Ordinals() });
    }

    private static readonly Action<ILogger, string, Exception?> LogResolverFailure =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(2, "GraphQLResolverFailed"), "GraphQL resolver failed at {Path}");

    private sealed record WorkItem(ObjectType Type, object? Source, ResultObject Target, int Start, int Count);

    private readonly record struct FieldRecord(WorkItem Item, int Index, object? Value, Task<object?>? Task);
}
