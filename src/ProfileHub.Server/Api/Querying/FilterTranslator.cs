using System.Collections;
using System.Linq.Expressions;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Relay;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Querying;

/// <summary>
/// Translates a GraphQL <c>where</c> argument (the engine's filter model) into one EF predicate over
/// <typeparamref name="T"/>. Each filterable field is declared once, either as a column (the operators apply
/// to it directly) or as a custom translation (an EXISTS over related rows). Text matching with contains,
/// startsWith and endsWith ignores case on both databases (SQLite's LIKE would, PostgreSQL's would not).
/// </summary>
internal sealed class FilterTranslator<T>
{
    private readonly Dictionary<string, Func<FieldFilter, Expression<Func<T, bool>>>> _fields = new(StringComparer.Ordinal);

    public FilterTranslator<T> Column<TValue>(string field, Expression<Func<T, TValue>> column, Func<object?, object?>? normalize = null)
    {
        _fields[field] = filter => Expression.Lambda<Func<T, bool>>(
            Apply(column.Body, filter.Operator, normalize is null ? filter.Value : Normalize(filter.Value, normalize)), column.Parameters[0]);
        return this;
    }

    public FilterTranslator<T> Custom(string field, Func<FieldFilter, Expression<Func<T, bool>>> translate)
    {
        _fields[field] = translate;
        return this;
    }

    public Expression<Func<T, bool>>? Translate(FilterExpression? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, bool>>(Build(filter, row), row);
    }

    /// <summary><paramref name="value"/> (a column or any expression) under one filter operator.</summary>
    public static Expression Apply(Expression value, FilterOperator op, object? operand)
    {
        var type = value.Type;
        if (operand is null && type.IsValueType && Nullable.GetUnderlyingType(type) is null && op is FilterOperator.Equal or FilterOperator.NotEqual)
        {
            // A column that is never null: eq null matches nothing, neq null everything.
            return Expression.Constant(op == FilterOperator.NotEqual);
        }

        return op switch
        {
            FilterOperator.Equal => Expression.Equal(value, QueryExpressions.Parameter(Convert(operand, type), type)),
            FilterOperator.NotEqual => Expression.NotEqual(value, QueryExpressions.Parameter(Convert(operand, type), type)),
            FilterOperator.In => Contains(value, operand),
            FilterOperator.NotIn => Expression.Not(Contains(value, operand)),
            FilterOperator.Contains or FilterOperator.StartsWith or FilterOperator.EndsWith => Text(value, op, operand),
            FilterOperator.GreaterThan => Ordered(value, ExpressionType.GreaterThan, operand),
            FilterOperator.GreaterThanOrEqual => Ordered(value, ExpressionType.GreaterThanOrEqual, operand),
            FilterOperator.LessThan => Ordered(value, ExpressionType.LessThan, operand),
            FilterOperator.LessThanOrEqual => Ordered(value, ExpressionType.LessThanOrEqual, operand),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
    }

    private Expression Build(FilterExpression filter, ParameterExpression row) => filter switch
    {
        AndFilter and => and.Operands.Select(o => Build(o, row)).Aggregate((Expression)Expression.Constant(true), Expression.AndAlso),
        OrFilter or => or.Operands.Count == 0 ? Expression.Constant(true) : or.Operands.Select(o => Build(o, row)).Aggregate(Expression.OrElse),
        FieldFilter field when _fields.TryGetValue(field.Field, out var translate) => QueryExpressions.Body(translate(field), row),
        FieldFilter field => throw new GraphQLException($"The filter field '{field.Field}' is not supported.", ErrorCodes.BadUserInput),
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    private static Expression Ordered(Expression value, ExpressionType comparison, object? operand)
    {
        if (operand is null)
        {
            throw new GraphQLException("A comparison (gt, gte, lt, lte) needs a value, not null.", ErrorCodes.BadUserInput);
        }

        return QueryExpressions.Compare(value, QueryExpressions.Parameter(Convert(operand, value.Type), value.Type), comparison);
    }

    private static BinaryExpression Text(Expression value, FilterOperator op, object? operand)
    {
        if (operand is not string text)
        {
            throw new GraphQLException("contains, startsWith and endsWith need a string, not null.", ErrorCodes.BadUserInput);
        }

        var lower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
        var method = typeof(string).GetMethod(op.ToString(), [typeof(string)])!;
        var call = Expression.Call(Expression.Call(value, lower), method, QueryExpressions.Parameter(text.ToLowerInvariant(), typeof(string)));
        return Expression.AndAlso(Expression.NotEqual(value, Expression.Constant(null, typeof(string))), call);
    }

    private static MethodCallExpression Contains(Expression value, object? operand)
    {
        var listType = typeof(List<>).MakeGenericType(value.Type);
        var list = (IList)Activator.CreateInstance(listType)!;
        foreach (var item in operand as IEnumerable ?? Array.Empty<object?>())
        {
            list.Add(Convert(item, value.Type));
        }

        // However many values the request lists (tens of thousands of cities), they bind as one parameter.
        return ListParameter.Contains(QueryExpressions.Parameter(list, listType), value);
    }

    private static object? Normalize(object? value, Func<object?, object?> normalize) =>
        value is IEnumerable items and not string ? items.Cast<object?>().Select(normalize).ToList() : normalize(value);

    private static object? Convert(object? value, Type type)
    {
        if (value is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsInstanceOfType(value) ? value : System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }
}
