using System.Linq.Expressions;

namespace ProfileHub.Server.Api.Querying;

/// <summary>The expression-tree pieces that filters and keyset predicates share, in forms EF Core translates.</summary>
internal static class QueryExpressions
{
    /// <summary><paramref name="column"/> compared with <paramref name="value"/>; text and UUIDs through Compare, as EF Core expects.</summary>
    public static Expression Compare(Expression column, Expression value, ExpressionType comparison)
    {
        var type = Nullable.GetUnderlyingType(column.Type) ?? column.Type;
        if (type == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, column, value);
            return Expression.MakeBinary(comparison, compare, Expression.Constant(0));
        }

        if (type == typeof(Guid))
        {
            var compare = Expression.Call(column, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, value);
            return Expression.MakeBinary(comparison, compare, Expression.Constant(0));
        }

        return Expression.MakeBinary(comparison, column, value);
    }

    /// <summary>A closure member rather than a constant, so EF sends it as a SQL parameter (one cached plan).</summary>
    public static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), "Value");
    }

    /// <summary>Both predicates (either may be absent).</summary>
    public static Expression<Func<T, bool>>? And<T>(Expression<Func<T, bool>>? left, Expression<Func<T, bool>>? right) =>
        left is null ? right
        : right is null ? left
        : Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, Body(right, left.Parameters[0])), left.Parameters[0]);

    /// <summary>Either predicate (either may be absent).</summary>
    public static Expression<Func<T, bool>>? Or<T>(Expression<Func<T, bool>>? left, Expression<Func<T, bool>>? right) =>
        left is null ? right
        : right is null ? left
        : Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, Body(right, left.Parameters[0])), left.Parameters[0]);

    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced (to combine lambdas written apart).</summary>
    public static Expression Body(LambdaExpression lambda, Expression parameter) =>
        new ParameterReplacer(lambda.Parameters[0], parameter).Visit(lambda.Body);

    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
