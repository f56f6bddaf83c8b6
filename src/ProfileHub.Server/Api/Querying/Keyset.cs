using System.Collections.Concurrent;
using System.Linq.Expressions;
using ProfileHub.GraphQL.Relay;

namespace ProfileHub.Server.Api.Querying;

/// <summary>One sort key of a keyset order: a column of <typeparamref name="T"/> and its direction.</summary>
internal sealed record KeysetKey<T>(LambdaExpression Column, SortDirection Direction)
{
    public static KeysetKey<T> Of<TValue>(Expression<Func<T, TValue>> column, SortDirection direction) => new(column, direction);

    public Type ValueType => Column.ReturnType;

    public bool IsNullable => !ValueType.IsValueType || Nullable.GetUnderlyingType(ValueType) is not null;
}

/// <summary>
/// Keyset ("seek") pagination over an EF query: ORDER BY the keys, and for a cursor the lexicographic
/// predicate "after this row", so page 10,000 costs what page 1 costs (an OFFSET would read and skip every
/// earlier row). The last key must be unique (the id) so the order is total. Nulls sort last ascending and
/// first descending on both databases, written out explicitly because SQLite and PostgreSQL disagree by default.
/// Paging backwards (last/before) runs the reversed order and flips the page back.
/// </summary>
internal sealed class Keyset<T>
{
    // Compiling a getter emits a dynamic method the JIT then compiles: a keyset is built per request (and per
    // profile for touchpoint pages), so the getters of plain columns are shared, keyed by the column's text
    // (p => p.Id). Anything else (a captured value prints the same whatever it holds) is compiled each time.
    private static readonly ConcurrentDictionary<string, Func<T, object?>> Getters = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<KeysetKey<T>> _keys;
    private readonly Func<T, object?>[] _getters;

    public Keyset(IReadOnlyList<KeysetKey<T>> keys)
    {
        _keys = keys;
        _getters = [.. keys.Select(k => IsMemberPath(k.Column.Body, k.Column.Parameters[0])
            ? Getters.GetOrAdd(k.Column.ToString(), static (_, column) => Getter(column), k.Column)
            : Getter(k.Column))];
    }

    public IReadOnlyList<Type> Types => [.. _keys.Select(k => k.ValueType)];

    public object?[] ValuesOf(T row) => [.. _getters.Select(g => g(row))];

    public IQueryable<T> Order(IQueryable<T> query, bool reverse) =>
        query.Provider.CreateQuery<T>(Order(query.Expression, reverse));

    /// <summary>
    /// The ORDER BY calls over a query expression: also usable inside another query's lambda (a correlated
    /// subquery, such as each profile's latest touchpoints), where there is no IQueryable object to call.
    /// </summary>
    public Expression Order(Expression source, bool reverse)
    {
        var first = true;
        foreach (var key in _keys)
        {
            var descending = (key.Direction == SortDirection.Descending) != reverse;
            if (key.IsNullable)
            {
                // Ascending: non-null values first, nulls last.
                var parameter = key.Column.Parameters[0];
                var isNull = Expression.Lambda<Func<T, bool>>(Expression.Equal(key.Column.Body, Expression.Constant(null, key.ValueType)), parameter);
                source = Then(source, isNull, descending, first);
                first = false;
            }

            source = Then(source, key.Column, descending, first);
            first = false;
        }

        return source;
    }

    /// <summary>Rows strictly after <paramref name="values"/> in this order (before it when <paramref name="reverse"/>).</summary>
    public Expression<Func<T, bool>> After(object?[] values, bool reverse)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? any = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < _keys.Count; i++)
        {
            var key = _keys[i];
            var column = Replace(key.Column, row);
            var value = QueryExpressions.Parameter(values[i], key.ValueType);
            var descending = (key.Direction == SortDirection.Descending) != reverse;
            var beyond = Beyond(column, value, values[i] is null, descending, key.IsNullable);
            if (beyond is not null)
            {
                var term = Expression.AndAlso(equalSoFar, beyond);
                any = any is null ? term : Expression.OrElse(any, term);
            }

            equalSoFar = Expression.AndAlso(equalSoFar, values[i] is null ? Expression.Equal(column, Expression.Constant(null, key.ValueType)) : Expression.Equal(column, value));
        }

        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), row);
    }

    /// <summary>"Sorts after the cursor value" on one key, given nulls last ascending / first descending.</summary>
    private static Expression? Beyond(Expression column, Expression value, bool valueIsNull, bool descending, bool nullable)
    {
        if (!descending)
        {
            // Ascending: greater values, then the nulls; nothing sorts after a null.
            if (valueIsNull)
            {
                return null;
            }

            var greater = QueryExpressions.Compare(column, value, ExpressionType.GreaterThan);
            return nullable ? Expression.OrElse(greater, Expression.Equal(column, Expression.Constant(null, column.Type))) : greater;
        }

        // Descending: nulls come first, so after a null come all non-nulls; after a value, the smaller values.
        if (valueIsNull)
        {
            return Expression.NotEqual(column, Expression.Constant(null, column.Type));
        }

        var less = QueryExpressions.Compare(column, value, ExpressionType.LessThan);
        return nullable ? Expression.AndAlso(Expression.NotEqual(column, Expression.Constant(null, column.Type)), less) : less;
    }

    private static MethodCallExpression Then(Expression source, LambdaExpression key, bool descending, bool first)
    {
        var method = (first, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        return Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], source, Expression.Quote(key));
    }

    private static Expression Replace(LambdaExpression lambda, ParameterExpression parameter) => QueryExpressions.Body(lambda, parameter);

    /// <summary><c>row.A.B</c>, possibly converted: reads only the row, so its text says everything it does.</summary>
    private static bool IsMemberPath(Expression expression, ParameterExpression row) => expression switch
    {
        ParameterExpression parameter => parameter == row,
        MemberExpression { Expression: { } inner } => IsMemberPath(inner, row),
        UnaryExpression { NodeType: ExpressionType.Convert } convert => IsMemberPath(convert.Operand, row),
        _ => false,
    };

    private static Func<T, object?> Getter(LambdaExpression column)
    {
        var parameter = column.Parameters[0];
        return Expression.Lambda<Func<T, object?>>(Expression.Convert(column.Body, typeof(object)), parameter).Compile();
    }
}
