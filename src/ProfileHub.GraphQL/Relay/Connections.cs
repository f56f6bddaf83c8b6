using System.Globalization;
using System.Text;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Relay;

/// <summary>
/// Relay cursor connections (the Relay connection specification): for a node type <c>User</c>, the types
/// <c>UserConnection { edges nodes pageInfo totalCount }</c>, <c>UserEdge { cursor node }</c> and the shared
/// <c>PageInfo</c>, and a field with <c>first/after/last/before</c>. Their own fields are readable by
/// anyone (<see cref="FieldAuthorization.Anyone"/>): they hold only cursors, counts and the nodes, whose
/// fields carry their own authorization.
/// </summary>
public static class Connections
{
    /// <summary>Declares the connection and edge types of <paramref name="nodeType"/> (and PageInfo once).</summary>
    public static SchemaBuilder Connection(this SchemaBuilder builder, string nodeType)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Declares("PageInfo"))
        {
            builder.Object<PageInfo>("PageInfo", p => p
                .Description("Information about pagination in a connection.")
                .AuthorizeFields(FieldAuthorization.Anyone)
                .Field("hasNextPage", "Boolean!", f => f.Description("Indicates whether more edges exist following the set defined by the clients arguments."))
                .Field("hasPreviousPage", "Boolean!", f => f.Description("Indicates whether more edges exist prior the set defined by the clients arguments."))
                .Field("startCursor", "String", f => f.Description("When paginating backwards, the cursor to continue."))
                .Field("endCursor", "String", f => f.Description("When paginating forwards, the cursor to continue.")));
        }
        return builder
            .Object(nodeType + "Connection", c => c
                .Description("A connection to a list of items.")
                .AuthorizeFields(FieldAuthorization.Anyone)
                .Field("edges", $"[{nodeType}Edge!]", f => f.Description("A list of edges.").From<IConnection>(x => x.Edges))
                .Field("nodes", $"[{nodeType}!]", f => f.Description("A flattened list of the nodes.").From<IConnection>(x => x.Nodes))
                .Field("pageInfo", "PageInfo!", f => f.Description("Information to aid in pagination.").From<IConnection>(x => x.PageInfo))
                .Field("totalCount", "Int!", f => f.Description("Identifies the total count of items in the connection.")
                    .ResolveValueTask(context => context.Source<IConnection>().TotalCountAsync(context.CancellationToken))))
            .Object(nodeType + "Edge", e => e
                .Description("An edge in a connection.")
                .AuthorizeFields(FieldAuthorization.Anyone)
                .Field("cursor", "String!", f => f.Description("A cursor for use in pagination.").From<IEdge>(x => x.Cursor))
                .Field("node", nodeType + "!", f => f.Description("The item at the end of the edge.").From<IEdge>(x => x.Node)));
    }

    /// <summary>Declares a connection field: <c>name(first: Int, after: String, last: Int, before: String): NodeConnection</c>.</summary>
    public static ComplexTypeBuilder<TSelf> ConnectionField<TSelf>(this ComplexTypeBuilder<TSelf> type, string name, string nodeType, Action<FieldBuilder> configure)
        where TSelf : ComplexTypeBuilder<TSelf>
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Field(name, nodeType + "Connection", f =>
        {
            f.Argument("first", "Int", a => a.Description("Returns the first _n_ elements from the list."))
                .Argument("after", "String", a => a.Description("Returns the elements in the list that come after the specified cursor."))
                .Argument("last", "Int", a => a.Description("Returns the last _n_ elements from the list."))
                .Argument("before", "String", a => a.Description("Returns the elements in the list that come before the specified cursor."))
                .Cost(1, "first", "last");
            configure(f);
        });
    }
}

/// <summary>The paging arguments of a connection field.</summary>
public sealed record ConnectionArguments(int? First, string? After, int? Last, string? Before)
{
    public static ConnectionArguments From(ResolveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = new ConnectionArguments(
            context.Argument<int?>("first"), context.Argument<string?>("after"), context.Argument<int?>("last"), context.Argument<string?>("before"));
        if (arguments.First < 0 || arguments.Last < 0)
        {
            throw new GraphQLException("The first and last arguments must not be negative.", ErrorCodes.BadUserInput);
        }
        return arguments;
    }
}

public interface IConnection
{
    IReadOnlyList<IEdge> Edges { get; }

    IReadOnlyList<object?> Nodes { get; }

    PageInfo PageInfo { get; }

    /// <summary>Counted only when a query selects <c>totalCount</c> (a count over a large table is not free).</summary>
    ValueTask<int> TotalCountAsync(CancellationToken cancellationToken);
}

public interface IEdge
{
    string Cursor { get; }

    object? Node { get; }
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed record Edge<T>(string Cursor, T Node) : IEdge
{
    object? IEdge.Node => Node;
}

/// <summary>A page of a connection with offset cursors (opaque base64 of <c>cursor:offset</c>).</summary>
public sealed class Connection<T> : IConnection
{
    private readonly Func<CancellationToken, Task<int>> _count;

    internal Connection(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> count)
    {
        TypedEdges = edges;
        PageInfo = pageInfo;
        _count = count;
    }

    public IReadOnlyList<Edge<T>> TypedEdges { get; }

    public IReadOnlyList<IEdge> Edges => TypedEdges;

    public IReadOnlyList<object?> Nodes => TypedEdges.Select(e => (object?)e.Node).ToList();

    public PageInfo PageInfo { get; }

    public ValueTask<int> TotalCountAsync(CancellationToken cancellationToken) => new(_count(cancellationToken));
}

/// <summary>Builds connection pages.</summary>
public static class Connection
{
    /// <summary>Slices an in-memory list as the Relay specification's ApplyCursorsToEdges and EdgesToReturn say.</summary>
    public static Connection<T> Create<T>(IReadOnlyList<T> all, ConnectionArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = arguments.After is null ? 0 : Math.Min(all.Count, OffsetCursor.Decode(arguments.After) + 1);
        var end = arguments.Before is null ? all.Count : Math.Max(start, Math.Min(all.Count, OffsetCursor.Decode(arguments.Before)));
        var hasPrevious = start > 0;
        var hasNext = end < all.Count;
        if (arguments.First is { } first && end - start > first)
        {
            end = start + first;
            hasNext = true;
        }
        if (arguments.Last is { } last && end - start > last)
        {
            start = end - last;
            hasPrevious = true;
        }
        var edges = new List<Edge<T>>(end - start);
        for (var i = start; i < end; i++)
        {
            edges.Add(new Edge<T>(OffsetCursor.Encode(i), all[i]));
        }
        return new Connection<T>(edges, new PageInfo(hasNext, hasPrevious, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor), _ => Task.FromResult(all.Count));
    }

    /// <summary>A page the application sliced itself (e.g. in SQL), with its own cursors.</summary>
    public static Connection<T> FromSlice<T>(IReadOnlyList<T> page, Func<T, string> cursorOf, bool hasNextPage, bool hasPreviousPage, int totalCount) =>
        FromSlice(page, cursorOf, hasNextPage, hasPreviousPage, _ => Task.FromResult(totalCount));

    /// <summary>A page sliced by the application whose total is counted only if the query asks for it.</summary>
    public static Connection<T> FromSlice<T>(
        IReadOnlyList<T> page, Func<T, string> cursorOf, bool hasNextPage, bool hasPreviousPage, Func<CancellationToken, Task<int>> countTotal)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(cursorOf);
        ArgumentNullException.ThrowIfNull(countTotal);
        var edges = page.Select(node => new Edge<T>(cursorOf(node), node)).ToList();
        return new Connection<T>(edges, new PageInfo(hasNextPage, hasPreviousPage, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor), countTotal);
    }
}

internal static class OffsetCursor
{
    private const string Prefix = "cursor:";

    public static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the client-facing error below.
        }
        throw new GraphQLException($"The cursor \"{cursor}\" is not valid.", ErrorCodes.BadUserInput);
    }
}
