using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Relay;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Querying;

/// <summary>
/// One page of a Relay connection read with a keyset: first/after forwards, last/before backwards, at most
/// <see cref="MaxPageSize"/> rows, and the total counted only when the query selects totalCount.
/// </summary>
internal static class KeysetPage
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// Reads one page of <paramref name="rows"/> (a query built on the context it is given). The page and the
    /// total each use their own context: the total is counted only if the query selects it, later by default,
    /// or alongside the page (on a second connection, instead of after it) when <paramref name="countAlongside"/>
    /// says the query selects it (<see cref="SelectsTotalCount"/>).
    /// </summary>
    public static async Task<Connection<T>> LoadAsync<T>(
        IDbContextFactory<ProfileHubDbContext> contexts,
        Func<ProfileHubDbContext, IQueryable<T>> rows,
        Keyset<T> keyset,
        ConnectionArguments arguments,
        string fingerprint,
        CancellationToken cancellationToken,
        bool countAlongside = false)
    {
        var size = PageSize(arguments);
        var range = Range(keyset, arguments, fingerprint);
        Func<CancellationToken, Task<int>> countTotal = async token =>
        {
            await using var db = await contexts.CreateDbContextAsync(token);
            return await rows(db).CountAsync(token);
        };
        if (countAlongside)
        {
            var counting = countTotal(cancellationToken);
            countTotal = _ => counting;
        }

        List<T> page;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var query = range is null ? rows(db) : rows(db).Where(range);
            page = await keyset.Order(query, reverse: IsBackward(arguments)).Take(size + 1).ToListAsync(cancellationToken);
        }

        return Slice(page, size, arguments, row => KeysetCursor.Encode(fingerprint, keyset.ValuesOf(row)), countTotal);
    }

    /// <summary>
    /// Whether the connection field's own selection names totalCount (one inside a fragment is not seen: that
    /// total is then counted after the page, as by default).
    /// </summary>
    public static bool SelectsTotalCount(ResolveContext context) =>
        context.FieldNodes.Any(field => field.SelectionSet?.Selections.OfType<FieldNode>().Any(selection => selection.Name.Value == "totalCount") == true);

    /// <summary>Paging backwards: last, or before without first.</summary>
    public static bool IsBackward(ConnectionArguments arguments) => arguments.Last is not null || (arguments.Before is not null && arguments.First is null);

    /// <summary>The rows between the after and before cursors, as one predicate (null without cursors).</summary>
    public static Expression<Func<T, bool>>? Range<T>(Keyset<T> keyset, ConnectionArguments arguments, string fingerprint)
    {
        var after = arguments.After is { } a ? keyset.After(KeysetCursor.Decode(a, fingerprint, keyset.Types, "after"), reverse: false) : null;
        var before = arguments.Before is { } b ? keyset.After(KeysetCursor.Decode(b, fingerprint, keyset.Types, "before"), reverse: true) : null;
        return QueryExpressions.And(after, before);
    }

    /// <summary>
    /// The connection for rows read in page order with one extra row (<paramref name="size"/> + 1) that tells
    /// whether more exist; rows read backwards are flipped into forward order.
    /// </summary>
    public static Connection<T> Slice<T>(List<T> rows, int size, ConnectionArguments arguments, Func<T, string> cursorOf, Func<CancellationToken, Task<int>> countTotal)
    {
        var backward = IsBackward(arguments);
        var more = rows.Count > size;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (backward)
        {
            rows.Reverse();
        }

        return Connection.FromSlice(
            rows,
            cursorOf,
            hasNextPage: backward ? arguments.Before is not null : more,
            hasPreviousPage: backward ? more : arguments.After is not null,
            countTotal);
    }

    /// <summary>first or last (not both), at most <see cref="MaxPageSize"/>; <see cref="DefaultPageSize"/> when neither.</summary>
    public static int PageSize(ConnectionArguments arguments, int max = MaxPageSize)
    {
        if (arguments.First is not null && arguments.Last is not null)
        {
            throw new GraphQLException("Pass first (with after) or last (with before), not both.", ErrorCodes.BadUserInput);
        }

        var size = arguments.First ?? arguments.Last ?? DefaultPageSize;
        return size <= max
            ? size
            : throw new GraphQLException(
                $"A page holds at most {max} items; {size} were asked for.",
                ErrorCodes.BadUserInput,
                new Dictionary<string, object?> { ["argument"] = arguments.First is not null ? "first" : "last", ["maximum"] = max });
    }
}
