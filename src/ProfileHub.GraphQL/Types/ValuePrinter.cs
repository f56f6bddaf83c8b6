using System.Collections;
using System.Globalization;
using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Types;

/// <summary>
/// Prints values as GraphQL literals, the way graphql-js prints default values (astFromValue + print,
/// including its 80-column wrapping of long lists and objects), and inspects values for error messages.
/// </summary>
internal static class ValuePrinter
{
    private const int MaxLineLength = 80;

    /// <summary>Prints an internal (coerced) value of an input type as a GraphQL literal.</summary>
    public static string Print(object? value, GraphQLType type)
    {
        if (value is null)
        {
            return "null";
        }
        switch (type)
        {
            case NonNullType nonNull:
                return Print(value, nonNull.OfType);
            case ListType list:
                return value is IEnumerable items and not string and not IDictionary
                    ? PrintList(items.Cast<object?>().Select(item => Print(item, list.OfType)).ToList())
                    : Print(value, list.OfType);
            case InputObjectType input when value is IReadOnlyDictionary<string, object?> fields:
                return PrintObject(input.Fields.Values
                    .Where(field => fields.ContainsKey(field.Name))
                    .Select(field => field.Name + ": " + Print(fields[field.Name], field.Type))
                    .ToList());
            case EnumType enumType:
                return enumType.Serialize(value);
            case ScalarType scalar:
                return scalar.PrintLiteral(value);
            default:
                throw new InvalidOperationException($"Cannot print {Inspect(value)} as {type}.");
        }
    }

    /// <summary>Prints a plain .NET value (as from JSON) as a GraphQL literal.</summary>
    public static string PrintPlain(object? value) => value switch
    {
        null => "null",
        string s => PrintString(s),
        bool b => b ? "true" : "false",
        int or long or short or byte or sbyte or ushort or uint or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => FormatNumber(d),
        float f => FormatNumber(f),
        decimal m => FormatNumber((double)m),
        IEnumerable<KeyValuePair<string, object?>> map => PrintObject(map.Select(pair => pair.Key + ": " + PrintPlain(pair.Value)).ToList()),
        IEnumerable items => PrintList(items.Cast<object?>().Select(PrintPlain).ToList()),
        _ => PrintString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>A GraphQL string literal with graphql-js's escapes (printString).</summary>
    public static string PrintString(string value) => Printer.PrintString(value);

    /// <summary>A number as JavaScript prints it, so that defaults print as graphql-js prints them.</summary>
    public static string FormatNumber(double value)
    {
        if (Math.Floor(value) == value && Math.Abs(value) < 1e21)
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = text.IndexOf('E', StringComparison.Ordinal);
        if (exponent < 0)
        {
            return text;
        }
        var sign = text[exponent + 1] == '-' ? "-" : "+";
        var digits = text[(exponent + 1)..].TrimStart('+', '-').TrimStart('0');
        return text[..exponent] + "e" + sign + digits;
    }

    /// <summary>Prints a value literal as graphql-js's print does (for error messages and default values).</summary>
    public static string PrintLiteral(ValueNode literal) => literal switch
    {
        VariableNode v => "$" + v.Name.Value,
        IntValueNode i => i.Value,
        FloatValueNode f => f.Value,
        StringValueNode s => PrintString(s.Value),
        BooleanValueNode b => b.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode e => e.Value,
        ListValueNode list => PrintList(list.Values.Select(PrintLiteral).ToList()),
        ObjectValueNode obj => PrintObject(obj.Fields.Select(f => f.Name.Value + ": " + PrintLiteral(f.Value)).ToList()),
        _ => literal.Kind.ToString(),
    };

    /// <summary>A short rendering of a value for error messages, like graphql-js's inspect.</summary>
    public static string Inspect(object? value) => value switch
    {
        null => "null",
        string s => System.Text.Json.JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        double d => double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : FormatNumber(d),
        float f => FormatNumber(f),
        int or long or short or byte or sbyte or ushort or uint or ulong or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IEnumerable<KeyValuePair<string, object?>> map => map.Any()
            ? "{ " + string.Join(", ", map.Select(pair => pair.Key + ": " + Inspect(pair.Value))) + " }"
            : "{}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Inspect)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? value.GetType().Name,
    };

    private static string PrintList(List<string> items)
    {
        var joined = string.Join(", ", items);
        return 2 + joined.Length > MaxLineLength
            ? "[\n" + Indent(string.Join("\n", items)) + "\n]"
            : "[" + joined + "]";
    }

    private static string PrintObject(List<string> fields)
    {
        if (fields.Count == 0)
        {
            return "{}";
        }
        var joined = string.Join(", ", fields);
        return 4 + joined.Length > MaxLineLength
            ? "{\n" + Indent(string.Join("\n", fields)) + "\n}"
            : "{ " + joined + " }";
    }

    private static string Indent(string text) => "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);
}
