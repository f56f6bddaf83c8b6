using ProfileHub.GraphQL.Execution;

namespace ProfileHub.GraphQL.Types;

/// <summary>Declares a field of an object or interface type: arguments, resolver, deprecation, cost.</summary>
public sealed class FieldBuilder
{
    internal FieldBuilder(string name, string type)
    {
        Name = name;
        TypeReference = type;
    }

    internal string Name { get; }

    internal string TypeReference { get; }

    internal string? DescriptionText { get; private set; }

    internal string? DeprecationReason { get; private set; }

    internal List<InputValueBuilder> Arguments { get; } = [];

    internal FieldResolver? Resolver { get; private set; }

    internal int? CostWeight { get; private set; }

    internal List<string> Slicing { get; } = [];

    internal FieldAuthorization? AuthorizationPolicy { get; private set; }

    public FieldBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public FieldBuilder Deprecated(string reason = SpecifiedDirectives.DefaultDeprecationReason)
    {
        DeprecationReason = reason;
        return this;
    }

    public FieldBuilder Argument(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueBuilder(name, type);
        configure?.Invoke(argument);
        Arguments.Add(argument);
        return this;
    }

    /// <summary>An argument with a default value, e.g. <c>.Argument("first", "Int", 10)</c>.</summary>
    public FieldBuilder Argument(string name, string type, object? defaultValue) =>
        Argument(name, type, a => a.DefaultValue(defaultValue));

    /// <summary>The weight of this field in the cost analysis (default 1 for composite fields, 0 for leaves); never negative.</summary>
    public FieldBuilder Cost(int weight, params string[] slicingArguments)
    {
        // A negative weight would let a large selection pay for itself (and the analysis adds non-negative costs only).
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        CostWeight = weight;
        Slicing.AddRange(slicingArguments);
        return this;
    }

    /// <summary>Who may read this field: checked before its resolver on every path that reaches it (see <see cref="FieldAuthorization"/>).</summary>
    public FieldBuilder Authorize(FieldAuthorization authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        AuthorizationPolicy = authorization;
        return this;
    }

    /// <summary>The engine's own resolver shape, for resolvers that care about allocation.</summary>
    public FieldBuilder ResolveWith(FieldResolver resolver)
    {
        Resolver = resolver;
        return this;
    }

    public FieldBuilder Resolve(Func<ResolveContext, object?> resolver) =>
        ResolveWith(context => new ValueTask<object?>(resolver(context)));

    public FieldBuilder Resolve<T>(Func<ResolveContext, Task<T>> resolver) =>
        ResolveWith(context => AwaitTask(resolver(context)));

    /// <summary>A resolver returning a ValueTask (named apart: an async lambda would fit both Task and ValueTask).</summary>
    public FieldBuilder ResolveValueTask<T>(Func<ResolveContext, ValueTask<T>> resolver) =>
        ResolveWith(context => AwaitValueTask(resolver(context)));

    /// <summary>A typed resolver over the parent object, e.g. <c>.From&lt;User&gt;(u =&gt; u.FullName)</c>.</summary>
    public FieldBuilder From<TSource>(Func<TSource, object?> resolver) =>
        ResolveWith(context => new ValueTask<object?>(resolver(context.Source<TSource>())));

    /// <summary>An asynchronous typed resolver over the parent object and the context.</summary>
    public FieldBuilder From<TSource, T>(Func<TSource, ResolveContext, Task<T>> resolver) =>
        ResolveWith(context => AwaitTask(resolver(context.Source<TSource>(), context)));

    private static ValueTask<object?> AwaitTask<T>(Task<T> task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Awaited(task);

    private static async ValueTask<object?> Awaited<T>(Task<T> task) => await task;

    private static ValueTask<object?> AwaitValueTask<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Awaited(task.AsTask());
}
