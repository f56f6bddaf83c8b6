namespace ProfileHub.GraphQL.Language;

/// <summary>Spec section 2: parses GraphQL source text into the AST, as graphql-js's <c>parse</c> family.</summary>
public static class Parser
{
    /// <summary>Parses a whole document (executable definitions, type-system definitions and extensions).</summary>
    /// <exception cref="GraphQLSyntaxException">The text is not a GraphQL document, or exceeds a limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked at every token).</exception>
    public static DocumentNode Parse(string source, ParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new RecursiveDescentParser(source, options ?? ParserOptions.Default, cancellationToken).ParseDocument();
    }

    /// <summary>Parses one value literal, variables allowed (graphql-js's <c>parseValue</c>).</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new RecursiveDescentParser(source, options ?? ParserOptions.Default).ParseWhole(p => p.ParseValueLiteral(isConst: false));
    }

    /// <summary>Parses one constant value literal (no variables), as used for default values.</summary>
    public static ValueNode ParseConstValue(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new RecursiveDescentParser(source, options ?? ParserOptions.Default).ParseWhole(p => p.ParseValueLiteral(isConst: true));
    }

    /// <summary>Parses one type reference such as <c>[String!]!</c> (graphql-js's <c>parseType</c>).</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new RecursiveDescentParser(source, options ?? ParserOptions.Default).ParseWhole(p => p.ParseTypeReference());
    }
}
