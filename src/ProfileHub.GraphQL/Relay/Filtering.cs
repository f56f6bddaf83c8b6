using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Relay;

/// <summary>
/// HotChocolate-shaped filter inputs: <c>where: { email: { eq: "a@b.c" }, or: [{ age: { gte: 18 } }] }</c>.
/// <c>FilterInput("User", f => f.Text("email").Comparable("age", "Int"))</c> declares <c>UserFilterInput</c>
/// and the operation inputs it needs (<c>StringOperationFilterInput</c>, <c>IntOperationFilterInput</c>).
/// </summary>
public static class Filtering
{
    public static SchemaBuilder FilterInput(this SchemaBuilder builder, string typeName, Action<FilterInputBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var filter = new FilterInputBuilder();
        configure(filter);
        var inputName = typeName + "FilterInput";
        builder.Input(inputName, input =>
        {
            input.Field("and", $"[{inputName}!]").Field("or", $"[{inputName}!]");
            foreach (var (field, scalar, _) in filter.Fields)
            {
                input.Field(field, scalar + "OperationFilterInput");
            }
        });
        foreach (var (_, scalar, comparable) in filter.Fields.DistinctBy(f => f.Scalar))
        {
            var name = scalar + "OperationFilterInput";
            if (builder.Declares(name))
            {
                continue;
            }
            builder.Input(name, input =>
            {
                input.Field("and", $"[{name}!]").Field("or", $"[{name}!]")
                    .Field("eq", scalar).Field("neq", scalar).Field("in", $"[{scalar}]").Field("nin", $"[{scalar}]");
                var operators = comparable ? FilterOperators.Comparable : FilterOperators.Text;
                foreach (var op in operators)
                {
                    input.Field(op, scalar);
                }
            });
        }
        return builder;
    }

    /// <summary>Declares <c>TypeSortInput { field: SortEnumType }</c> and the shared <c>SortEnumType</c>.</summary>
    public static SchemaBuilder SortInput(this SchemaBuilder builder, string typeName, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Declares("SortEnumType"))
        {
            builder.Enum("SortEnumType", e => e.Value("ASC", SortDirection.Ascending).Value("DESC", SortDirection.Descending));
        }
        return builder.Input(typeName + "SortInput", input =>
        {
            foreach (var field in fields)
            {
                input.Field(field, "SortEnumType");
            }
        });
    }

    /// <summary>The <c>where</c> argument of a resolver as a filter expression (null when absent).</summary>
    public static FilterExpression? Where(this ResolveContext context, string argument = "where")
    {
        ArgumentNullException.ThrowIfNull(context);
        return FilterParser.Parse(context.Arguments.GetValueOrDefault(argument) as IReadOnlyDictionary<string, object?>);
    }

    /// <summary>The <c>order</c> argument of a resolver as sort fields, in priority order.</summary>
    public static IReadOnlyList<SortField> Order(this ResolveContext context, string argument = "order")
    {
        ArgumentNullException.ThrowIfNull(context);
        return FilterParser.ParseOrder(context.Arguments.GetValueOrDefault(argument));
    }
}

public sealed class FilterInputBuilder
{
    internal List<(string Field, string Scalar, bool Comparable)> Fields { get; } = [];

    /// <summary>A text field: eq, neq, in, nin, contains, startsWith, endsWith.</summary>
    public FilterInputBuilder Text(string field)
    {
        Fields.Add((field, "String", false));
        return this;
    }

    /// <summary>An ordered field of the given scalar (Int, Float, DateTime, Long...): eq, neq, gt, gte, lt, lte, in, nin.</summary>
    public FilterInputBuilder Comparable(string field, string scalar)
    {
        Fields.Add((field, scalar, true));
        return this;
    }
}

internal static class FilterOperators
{
    public static readonly string[] Text = ["contains", "startsWith", "endsWith"];

    public static readonly string[] Comparable = ["gt", "gte", "lt", "lte"];
}

/// <summary>A filter the application translates (to SQL, to LINQ...).</summary>
public abstract record FilterExpression;

public sealed record AndFilter(IReadOnlyList<FilterExpression> Operands) : FilterExpression;

public sealed record OrFilter(IReadOnlyList<FilterExpression> Operands) : FilterExpression;

/// <summary><c>field operator value</c>, e.g. <c>email StartsWith "ada"</c>; In/NotIn values are lists.</summary>
public sealed record FieldFilter(string Field, FilterOperator Operator, object? Value) : FilterExpression;

public enum FilterOperator
{
    Equal,
    NotEqual,
    In,
    NotIn,
    Contains,
    StartsWith,
    EndsWith,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}

public enum SortDirection
{
    Ascending,
    Descending,
}

public sealed record SortField(string Field, SortDirection Direction);

/// <summary>Turns coerced <c>where</c> and <c>order</c> arguments into the expression model.</summary>
public static class FilterParser
{
    private static readonly Dictionary<string, FilterOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = FilterOperator.Equal,
        ["neq"] = FilterOperator.NotEqual,
        ["in"] = FilterOperator.In,
        ["nin"] = FilterOperator.NotIn,
        ["contains"] = FilterOperator.Contains,
        ["startsWith"] = FilterOperator.StartsWith,
        ["endsWith"] = FilterOperator.EndsWith,
        ["gt"] = FilterOperator.GreaterThan,
        ["gte"] = FilterOperator.GreaterThanOrEqual,
        ["lt"] = FilterOperator.LessThan,
        ["lte"] = FilterOperator.LessThanOrEqual,
    };

    /// <summary>All conditions of one object hold together (and); <c>and</c>/<c>or</c> lists nest.</summary>
    public static FilterExpression? Parse(IReadOnlyDictionary<string, object?>? where) => where is null ? null : ParseObject(where, field: null);

    public static IReadOnlyList<SortField> ParseOrder(object? order) => order switch
    {
        null => [],
        IReadOnlyDictionary<string, object?> single => ParseSort(single).ToList(),
        IEnumerable<object?> many => many.OfType<IReadOnlyDictionary<string, object?>>().SelectMany(ParseSort).ToList(),
        _ => [],
    };

    private static IEnumerable<SortField> ParseSort(IReadOnlyDictionary<string, object?> entry) =>
        entry.Where(pair => pair.Value is SortDirection).Select(pair => new SortField(pair.Key, (SortDirection)pair.Value!));

    private static FilterExpression? ParseObject(IReadOnlyDictionary<string, object?> map, string? field)
    {
        var operands = new List<FilterExpression>();
        foreach (var (key, value) in map)
        {
            switch (key)
            {
                case "and" when value is IEnumerable<object?> items:
                    operands.Add(new AndFilter(ParseList(items, field)));
                    break;
                case "or" when value is IEnumerable<object?> items:
                    operands.Add(new OrFilter(ParseList(items, field)));
                    break;
                case "and" or "or":
                    break;
                default:
                    if (field is not null && Operators.TryGetValue(key, out var op))
                    {
                        operands.Add(new FieldFilter(field, op, value));
                    }
                    else if (field is null && value is IReadOnlyDictionary<string, object?> operations && ParseObject(operations, key) is { } nested)
                    {
                        operands.Add(nested);
                    }
                    break;
            }
        }
        return operands.Count switch
        {
            0 => null,
            1 => operands[0],
            _ => new AndFilter(operands),
        };
    }

    private static List<FilterExpression> ParseList(IEnumerable<object?> items, string? field) =>
        items.OfType<IReadOnlyDictionary<string, object?>>().Select(item => ParseObject(item, field)).OfType<FilterExpression>().ToList();
}
