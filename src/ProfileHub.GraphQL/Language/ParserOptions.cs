namespace ProfileHub.GraphQL.Language;

/// <summary>Parser settings, including the limits that keep hostile documents cheap to reject.</summary>
public sealed record ParserOptions
{
    public static ParserOptions Default { get; } = new();

    /// <summary>Skip <see cref="Location"/> on nodes (graphql-js's <c>noLocation</c>).</summary>
    public bool NoLocation { get; init; }

    /// <summary>The most lexical tokens a document may have (graphql-js's <c>maxTokens</c>); EOF not counted.</summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>
    /// The deepest nesting of selection sets, lists, objects and type wrappers the parser accepts; deeper input is a
    /// syntax error rather than a stack overflow.
    /// </summary>
    public int MaxDepth { get; init; } = 256;
}
