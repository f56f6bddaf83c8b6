using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ProfileHub.Storage;

/// <summary>
/// The one way ProfileHub filters rows by a list whose length the data decides (the records of a match run,
/// the keys of a data-loader batch, the values of a GraphQL <c>in</c>, the records of an erased person): the
/// whole list is bound as <b>one</b> parameter, so no statement binds a parameter per element. A query over
/// such a list uses this, never <c>list.Contains(...)</c> in the lambda.
/// <para>
/// Why: EF Core 10 translates <c>list.Contains(row.Id)</c> over a captured list on SQLite into
/// <c>IN (@p1, ..., @pN)</c>, one parameter per element, and SQLite refuses a statement with more
/// than 32,766 (SQLITE_MAX_VARIABLE_NUMBER): a first `match` of more records than that aborted with "too many
/// SQL variables". Through <see cref="EF.Parameter{T}"/> the list is EF Core's own array-like parameter: on
/// SQLite a JSON array read by <c>IN (SELECT value FROM json_each(@p))</c>, on PostgreSQL a native array,
/// <c>= ANY(@p)</c> (Npgsql's default, kept explicit rather than left to a provider's choice; its protocol binds
/// at most 65,535 parameters), on SQL Server a JSON array read by <c>OPENJSON(@p)</c> (SQL Server binds at most
/// 2,100 parameters). EF applies the compared column's type mapping to the elements (a Guid as
/// SQLite's upper-case text, a DateTimeOffset as UTC ticks, an enum as its name), and the predicate composes like
/// any other: in subqueries and joins, in ExecuteUpdate/ExecuteDelete, in the API's filters.
/// </para>
/// <para>
/// Not a staging table: it would be written before every read (a round trip, and on SQLite the single writer's
/// lock, even for the API's read-only loaders), once per key type, and kept apart between concurrent requests.
/// Not chunks of a bounded size: a filter inside a paged, ordered or counted query (a GraphQL <c>in</c>, a
/// data loader's ordered page) cannot be split into several statements, and one form for every call site
/// is the rule's one place.
/// </para>
/// </summary>
public static class ListParameter
{
    /// <summary>The rows whose <paramref name="key"/> is one of <paramref name="values"/>.</summary>
    public static IQueryable<T> WhereIn<T, TKey>(this IQueryable<T> rows, Expression<Func<T, TKey>> key, IEnumerable<TKey> values) =>
        rows.Where(In(key, values));

    /// <summary><c>row => values.Contains(key(row))</c>, the values one parameter: to compose into a larger predicate.</summary>
    public static Expression<Func<T, bool>> In<T, TKey>(Expression<Func<T, TKey>> key, IEnumerable<TKey> values)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(values);

        // A copy: the statement sees the list as it is now, whatever the caller does with it afterwards.
        var list = Expression.Property(Expression.Constant(new Captured<TKey[]>([.. values])), nameof(Captured<TKey[]>.Value));
        return Expression.Lambda<Func<T, bool>>(Contains(list, key.Body), key.Parameters);
    }

    /// <summary>
    /// <c>list.Contains(value)</c> in an expression tree built at run time (the API's filters), the list one
    /// parameter. <paramref name="list"/> must be evaluable without the database (a captured value).
    /// </summary>
    public static MethodCallExpression Contains(Expression list, Expression value)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(value);
        var parameter = Expression.Call(typeof(EF), nameof(EF.Parameter), [list.Type], list);
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [value.Type], parameter, value);
    }

    private sealed class Captured<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
