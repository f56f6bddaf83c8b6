using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;
using ProfileHub.GraphQL.Validation;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// Runs GraphQL requests against a schema: document (persisted or parsed, cached), validation, operation
/// selection (spec 6.1), limits, variable coercion (6.4.1), then execution (6.2) and the response (7).
/// </summary>
public sealed class GraphQLExecutor
{
    private readonly DocumentCache _documents;
    private readonly ConditionalWeakTable<DocumentNode, ExecutableDocument> _executable = [];

    public GraphQLExecutor(Schema schema, ExecutionOptions? options = null)
    {
        Schema = schema;
        Options = options ?? new ExecutionOptions();
        _documents = new DocumentCache(schema, Options.DocumentCacheSize, Options.ParserOptions);
    }

    public Schema Schema { get; }

    public ExecutionOptions Options { get; }

    /// <summary>Prepares and executes one request, all of it within <see cref="ExecutionOptions.Timeout"/> and the caller's cancellation.</summary>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        using var deadline = StartDeadline(cancellationToken);
        var prepared = Prepare(request, deadline);
        return prepared.Error ?? await ExecuteAsync(prepared, request.Variables, services, deadline);
    }

    /// <summary>
    /// Starts the clock of <see cref="ExecutionOptions.Timeout"/> for one request, joined with the caller's cancellation;
    /// give it to <see cref="Prepare(GraphQLRequest, RequestDeadline)"/> and then to ExecuteAsync, so that the timeout
    /// bounds parsing, validation and the limits as well as execution.
    /// </summary>
    public RequestDeadline StartDeadline(CancellationToken cancellationToken = default) => new(Options.Timeout, cancellationToken);

    /// <summary>
    /// <see cref="Prepare(GraphQLRequest, CancellationToken)"/> within a deadline: when its time runs out, the timeout error
    /// to answer with; when its caller cancels, <see cref="OperationCanceledException"/>.
    /// </summary>
    public PreparedRequest Prepare(GraphQLRequest request, RequestDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        try
        {
            return Prepare(request, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            return new PreparedRequest(ExecutionResult.RequestError(RequestDeadline.TimeoutError()));
        }
    }

    /// <summary>
    /// Everything that happens before execution and needs no variables' values: the HTTP layer uses it to learn the
    /// operation's type (a mutation over GET is refused) before running anything. A document not in the cache is parsed
    /// and validated under <paramref name="cancellationToken"/>, which throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public PreparedRequest Prepare(GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (Options.PersistedDocuments is { } persisted)
        {
            var (resolved, error) = persisted.Resolve(request);
            if (error is not null)
            {
                return new PreparedRequest(ExecutionResult.RequestError(error));
            }
            query = resolved;
        }
        else if (query is null && request.Extensions?.ContainsKey("persistedQuery") == true)
        {
            return new PreparedRequest(ExecutionResult.RequestError(
                new GraphQLError("PersistedQueryNotSupported", extensions: GraphQLError.CodeOf(ErrorCodes.PersistedQueryNotSupported))));
        }
        if (string.IsNullOrWhiteSpace(query))
        {
            return new PreparedRequest(ExecutionResult.RequestError(new GraphQLError("Must provide query string.", extensions: GraphQLError.CodeOf(ErrorCodes.BadRequest))));
        }
        var document = GetDocument(query, cancellationToken);
        if (document.Errors.Count > 0)
        {
            return new PreparedRequest(ExecutionResult.RequestError(document.Errors));
        }
        var operation = SelectOperation(document.Operations, request.OperationName, out var operationError);
        if (operation is null)
        {
            return new PreparedRequest(ExecutionResult.RequestError(operationError!));
        }
        return new PreparedRequest(document, operation);
    }

    /// <summary>Executes a prepared request within <see cref="ExecutionOptions.Timeout"/>, counted from now.</summary>
    public async Task<ExecutionResult> ExecuteAsync(PreparedRequest prepared, IReadOnlyDictionary<string, object?>? variables, IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        using var deadline = StartDeadline(cancellationToken);
        return await ExecuteAsync(prepared, variables, services, deadline);
    }

    /// <summary>
    /// Coerces the variables, checks the depth and cost limits, then executes, all within <paramref name="deadline"/>:
    /// when its time runs out, the timeout error; when its caller cancels, <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<ExecutionResult> ExecuteAsync(PreparedRequest prepared, IReadOnlyDictionary<string, object?>? variables, IServiceProvider? services, RequestDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(deadline);
        if (prepared.Error is not null)
        {
            return prepared.Error;
        }
        var operation = prepared.Operation!;
        var rootType = Schema.GetRootType(operation.Operation);
        if (rootType is null || operation.Operation == OperationType.Subscription)
        {
            var message = operation.Operation == OperationType.Subscription
                ? "Subscriptions are not supported by this endpoint."
                : $"Schema is not configured to execute {operation.Operation.ToString().ToLowerInvariant()} operation.";
            return ExecutionResult.RequestError(new GraphQLError(message, GraphQLError.LocationsOf([operation]), extensions: GraphQLError.CodeOf(ErrorCodes.OperationResolutionFailure)));
        }
        var errors = new List<GraphQLError>();
        var coerced = ValueCoercion.CoerceVariables(Schema, operation, variables, errors);
        if (errors.Count > 0)
        {
            return ExecutionResult.RequestError(errors);
        }
        var fragments = prepared.Document!.Fragments;
        long? cost = null;
        var executing = false;
        try
        {
            var limits = new OperationLimits(Schema, fragments, coerced, Options.DefaultListSize, deadline.Token);
            var limitError = CheckLimits(limits, prepared.Document, operation, rootType, out cost);
            if (limitError is not null)
            {
                return ExecutionResult.RequestError([limitError], CostExtensions(cost));
            }
            var context = new OperationContext(Schema, operation, fragments, coerced, services ?? EmptyServiceProvider.Instance, Options, deadline.Token);
            var engine = new ExecutionEngine(context);
            executing = true;
            // Without variables, field collection and argument values are the same for every request: plan once.
            var plan = operation.VariableDefinitions.Count == 0 ? prepared.Document.RootPlans.GetOrAdd(operation, _ => engine.RootPlan(rootType)) : null;
            var data = await engine.ExecuteAsync(rootType, null, serial: operation.Operation == OperationType.Mutation, plan);
            var sorted = context.Errors.Count > 1 ? context.Errors.OrderBy(e => e.Order, OrdinalsComparer.Instance).ToList() : context.Errors;
            return new ExecutionResult(data, hasData: true, sorted, CostExtensions(cost)) { Operation = operation.Operation };
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            // Out of time before execution began is a request error (no data); during execution, data is null.
            return executing
                ? new ExecutionResult(null, hasData: true, [RequestDeadline.TimeoutError()], CostExtensions(cost)) { Operation = operation.Operation }
                : ExecutionResult.RequestError([RequestDeadline.TimeoutError()], CostExtensions(cost));
        }
    }

    /// <summary>The data limits first, then introspection's own: the first one exceeded is the error.</summary>
    private GraphQLError? CheckLimits(OperationLimits limits, ExecutableDocument document, OperationDefinitionNode operation, ObjectType rootType, out long? cost)
    {
        cost = null;
        var introspection = Options.Introspection;
        var depth = document.Depths.GetOrAdd(operation, static (op, l) => l.Depth(op.SelectionSet), limits);
        var error = Exceeded(operation, "depth", depth.Data, Options.MaxDepth, ErrorCodes.MaxDepthExceeded)
            ?? Exceeded(operation, "introspection depth", depth.Introspection, introspection.MaxDepth, ErrorCodes.MaxDepthExceeded)
            ?? Exceeded(operation, "ofType nesting", depth.OfTypes, introspection.MaxOfTypeDepth, ErrorCodes.MaxDepthExceeded);
        if (error is not null || (Options.MaxCost is null && !Options.ReportCost && introspection.MaxCost is null))
        {
            return error;
        }
        var measured = limits.Cost(operation.SelectionSet, rootType);
        cost = measured.Data;
        return Exceeded(operation, "cost", measured.Data, Options.MaxCost, ErrorCodes.MaxCostExceeded)
            ?? Exceeded(operation, "introspection cost", measured.Introspection, introspection.MaxCost, ErrorCodes.MaxCostExceeded);
    }

    private static GraphQLError? Exceeded(OperationDefinitionNode operation, string measure, long value, long? maximum, string code) =>
        value > maximum
            ? new GraphQLError($"The operation's {measure} {value} exceeds the maximum {measure} of {maximum}.", GraphQLError.LocationsOf([operation]), extensions: GraphQLError.CodeOf(code))
            : null;

    private Dictionary<string, object?>? CostExtensions(long? cost) =>
        Options.ReportCost && cost is not null
            ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["cost"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["requestedQueryCost"] = cost, ["maximumAvailable"] = Options.MaxCost } }
            : null;

    private ExecutableDocument GetDocument(string query, CancellationToken cancellationToken)
    {
        var prepared = _documents.GetOrAdd(query, cancellationToken);
        if (prepared.Document is null || prepared.Errors.Count > 0)
        {
            var code = prepared.IsSyntaxError ? ErrorCodes.ParseFailed : ErrorCodes.ValidationFailed;
            return new ExecutableDocument(null, prepared.Errors
                .Select(e => new GraphQLError(e.Message, e.Locations.Count > 0 ? e.Locations : null, extensions: GraphQLError.CodeOf(code)))
                .ToList());
        }
        return _executable.GetValue(prepared.Document, static document => new ExecutableDocument(document, []));
    }

    /// <summary>GetOperation (spec 6.1).</summary>
    private static OperationDefinitionNode? SelectOperation(OperationDefinitionNode[] operations, string? operationName, out GraphQLError? error)
    {
        error = null;
        if (operationName is null)
        {
            if (operations.Length == 1)
            {
                return operations[0];
            }
            error = new GraphQLError(operations.Length == 0 ? "Must provide an operation." : "Must provide operation name if query contains multiple operations.",
                extensions: GraphQLError.CodeOf(ErrorCodes.OperationResolutionFailure));
            return null;
        }
        var operation = Array.Find(operations, o => o.Name?.Value == operationName);
        if (operation is null)
        {
            error = new GraphQLError($"Unknown operation named \"{operationName}\".", extensions: GraphQLError.CodeOf(ErrorCodes.OperationResolutionFailure));
        }
        return operation;
    }

    private sealed class OrdinalsComparer : IComparer<IReadOnlyList<int>?>
    {
        public static OrdinalsComparer Instance { get; } = new();

        public int Compare(IReadOnlyList<int>? x, IReadOnlyList<int>? y)
        {
            if (x is null || y is null)
            {
                return (x is null ? 0 : 1) - (y is null ? 0 : 1);
            }
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }
            return x.Count.CompareTo(y.Count);
        }
    }
}

/// <summary>A parsed and validated document, with its fragments indexed for execution.</summary>
public sealed class ExecutableDocument
{
    internal ExecutableDocument(DocumentNode? document, IReadOnlyList<GraphQLError> errors)
    {
        Document = document;
        Errors = errors;
        Operations = document?.Definitions.OfType<OperationDefinitionNode>().ToArray() ?? [];
        Fragments = document?.Definitions.OfType<FragmentDefinitionNode>()
            .GroupBy(f => f.Name.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) ?? [];
    }

    public DocumentNode? Document { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>Listed once per document: operation selection (spec 6.1) runs on every request.</summary>
    internal OperationDefinitionNode[] Operations { get; }

    internal Dictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>Execution plans of the operations that declare no variables (they never change).</summary>
    internal ConcurrentDictionary<OperationDefinitionNode, SelectionPlan> RootPlans { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Depths do not depend on variables (skip and include are not taken into account).</summary>
    internal ConcurrentDictionary<OperationDefinitionNode, OperationDepth> Depths { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>A request ready to execute (document and operation chosen), or the request error to answer with.</summary>
public sealed class PreparedRequest
{
    internal PreparedRequest(ExecutionResult error) => Error = error;

    internal PreparedRequest(ExecutableDocument document, OperationDefinitionNode operation)
    {
        Document = document;
        Operation = operation;
    }

    public ExecutionResult? Error { get; }

    public ExecutableDocument? Document { get; }

    public OperationDefinitionNode? Operation { get; }
}
