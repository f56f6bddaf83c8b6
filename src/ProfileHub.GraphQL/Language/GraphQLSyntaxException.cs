namespace ProfileHub.GraphQL.Language;

/// <summary>
/// A document that is not valid GraphQL syntax. <see cref="Exception.Message"/> reads as graphql-js's
/// (<c>Syntax Error: Expected Name, found &lt;EOF&gt;.</c>); <see cref="Locations"/> has the one place it refers to.
/// </summary>
public sealed class GraphQLSyntaxException : Exception
{
    public GraphQLSyntaxException(string description, int position, SourceLocation location)
        : base("Syntax Error: " + description)
    {
        Description = description;
        Position = position;
        Locations = [location];
    }

    public GraphQLSyntaxException()
        : this("Invalid document.", 0, new SourceLocation(1, 1))
    {
    }

    public GraphQLSyntaxException(string message)
        : this(message, 0, new SourceLocation(1, 1))
    {
    }

    public GraphQLSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Description = message;
        Locations = [new SourceLocation(1, 1)];
    }

    /// <summary>The message without its "Syntax Error: " prefix.</summary>
    public string Description { get; }

    /// <summary>The character offset of the error in the source.</summary>
    public int Position { get; }

    public IReadOnlyList<SourceLocation> Locations { get; }

    public int Line => Locations[0].Line;

    public int Column => Locations[0].Column;
}
