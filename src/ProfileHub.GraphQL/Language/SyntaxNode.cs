namespace ProfileHub.GraphQL.Language;

/// <summary>
/// Where a node came from in its source text: character offsets (<see cref="Start"/> inclusive,
/// <see cref="End"/> exclusive) and the 1-based line and column of <see cref="Start"/>.
/// </summary>
public sealed record Location(int Start, int End, int Line, int Column);

/// <summary>A 1-based line and column, the shape of a GraphQL error's <c>locations</c> entry (spec 7.1.2).</summary>
public readonly record struct SourceLocation(int Line, int Column);

/// <summary>
/// The root of every AST node, modelled on graphql-js's <c>ASTNode</c>. <see cref="Location"/> is null only for
/// nodes built in code or parsed with <see cref="ParserOptions.NoLocation"/>.
/// </summary>
public abstract record SyntaxNode
{
    public Location? Location { get; init; }

    public abstract NodeKind Kind { get; }
}

/// <summary>Nodes that can carry directives (spec 2.12).</summary>
public interface IHasDirectives
{
    IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>Nodes that may be preceded by a description (spec 3.2: Descriptions).</summary>
public interface IHasDescription
{
    StringValueNode? Description { get; }
}
