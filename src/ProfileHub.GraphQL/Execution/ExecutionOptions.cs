using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Execution;

/// <summary>Safety limits and behaviour of the executor.</summary>
public sealed record ExecutionOptions
{
    /// <summary>Deepest nesting of data fields accepted (introspection is bounded by <see cref="Introspection"/>); null for no limit.</summary>
    public int? MaxDepth { get; init; } = 15;

    /// <summary>
    /// Highest computed cost of the data fields accepted (introspection is bounded by <see cref="Introspection"/>); null
    /// for no limit. The cost is reported in <c>extensions.cost</c> when <see cref="ReportCost"/>.
    /// </summary>
    public int? MaxCost { get; init; }

    /// <summary>The bounds of <c>__schema</c> and <c>__type</c> queries, which the data limits above do not count.</summary>
    public IntrospectionLimits Introspection { get; init; } = new();

    public bool ReportCost { get; init; }

    /// <summary>List size assumed for list fields without a slicing argument, in the cost analysis.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>
    /// A request stops with the <c>EXECUTION_TIMEOUT</c> error after this long, whichever phase it is in (parsing,
    /// validation, the depth and cost analysis, execution); null for no limit.
    /// </summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Development mode: unexpected resolver exceptions keep their message and type.</summary>
    public bool IncludeExceptionDetails { get; init; }

    /// <summary>How many parsed and validated documents are kept (least recently used go first).</summary>
    public int DocumentCacheSize { get; init; } = 1_000;

    /// <summary>Trusted documents (persisted operations by sha256 hash); null accepts any document.</summary>
    public PersistedDocuments? PersistedDocuments { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Parser limits (tokens, depth) against hostile documents.</summary>
    public ParserOptions ParserOptions { get; init; } = ParserOptions.Default;
}
