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
            foreach (var field in filter.Fields)
            {
                input.Field(field.Name, field.InputType, f =>
                {
                    if (field.Description is not null)
                    {
                        f.Description(field.Description);
                    }
                });
            }
        });
        foreach (var field in filter.Fields.Where(f => f.Kind != FilterFieldKind.Object).DistinctBy(f => f.InputType))
        {
            if (builder.Declares(field.InputType))
            {
                continue;
            }
            builder.Input(field.InputType, input =>
            {
                input.Field("and", $"[{field.InputType}!]").Field("or", $"[{field.InputType}!]")
                    .Field("eq", field.Scalar).Field("neq", field.Scalar);
                if (field.Kind == FilterFieldKind.Equatable)
                {
                    return;
                }
                input.Field("in", $"[{field.Scalar}]").Field("nin", $"[{field.Scalar}]");
                var operators = field.Kind switch
                {
                    FilterFieldKind.Comparable => FilterOperators.Comparable,
                    FilterFieldKind.Text => FilterOperators.Text,
                    _ => [],
                };
                foreach (var op in operators)
                {
                    input.Field(op, field.Scalar);
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
    internal List<FilterField> Fields { get; } = [];

    /// <summary>A text field: eq, neq, in, nin, contains, startsWith, endsWith.</summary>
    public FilterInputBuilder Text(string field, string? description = null) => Add(field, "String", FilterFieldKind.Text, description);

    /// <summary>An ordered field of the given scalar (Int, Float, DateTime, Long...): eq, neq, gt, gte, lt, lte, in, nin.</summary>
    public FilterInputBuilder Comparable(string field, string scalar, string? description = null) => Add(field, scalar, FilterFieldKind.Comparable, description);

    /// <summary>A field of an enum type: eq, neq, in, nin.</summary>
    public FilterInputBuilder Enum(string field, string enumType, string? description = null) => Add(field, enumType, FilterFieldKind.Enum, description);

    /// <summary>A Boolean field: eq, neq.</summary>
    public FilterInputBuilder Boolean(string field, string? description = null) => Add(field, "Boolean", FilterFieldKind.Equatable, description);

    /// <summary>
    /// A nested object filtered by its own <c>{objectType}FilterInput</c> (declared by another FilterInput call);
    /// its conditions reach the application as dotted field paths (<c>consent.email</c>).
    /// </summary>
    public FilterInputBuilder Nested(string field, string objectType, string? description = null)
    {
        Fields.Add(new FilterField(field, objectType, objectType + "FilterInput", FilterFieldKind.Object, description));
        return this;
    }

    private FilterInputBuilder Add(string field, string scalar, FilterFieldKind kind, string? description)
    {
        Fields.Add(new FilterField(field, scalar, scalar + "OperationFilterInput", kind, description));
        return this;
    }
}

internal enum FilterFieldKind
{
    Text,
    Comparable,
    Enum,
    Equatable,
    Object,
}

internal sealed record FilterField(string Name, string Scalar, string InputType, FilterFieldKind Kind, string? Description);

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
                    else if (value is IReadOnlyDictionary<string, object?> operations
                        && ParseObject(operations, field is null ? key : field + "." + key) is { } nested)
                    {
                        // A field's operations, or a nested object's fields (their paths dotted).
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
