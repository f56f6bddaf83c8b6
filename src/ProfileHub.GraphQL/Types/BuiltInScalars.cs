using System.Globalization;
using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Types;

/// <summary>The five scalars of spec section 3.5, with graphql-js's messages.</summary>
internal sealed class IntScalar : ScalarType
{
    public IntScalar()
        : base("Int", "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
    {
    }

    public override object Serialize(object value)
    {
        switch (value)
        {
            case int i:
                return i;
            case bool b:
                return b ? 1 : 0;
            case string s when TryParseNumericString(s, out var parsed):
                return FromNumber(parsed, value);
            case string:
                throw new CoercionException($"Int cannot represent non-integer value: {Inspect(value)}");
        }
        if (TryGetNumber(value, out var number))
        {
            return FromNumber(number, value);
        }
        throw new CoercionException($"Int cannot represent non-integer value: {Inspect(value)}");
    }

    public override object ParseValue(object value)
    {
        if (value is bool || value is string || !TryGetNumber(value, out var number))
        {
            throw new CoercionException($"Int cannot represent non-integer value: {Inspect(value)}");
        }
        return FromNumber(number, value);
    }

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        if (literal is not IntValueNode integer)
        {
            throw new CoercionException($"Int cannot represent non-integer value: {Print(literal)}");
        }
        return int.TryParse(integer.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {integer.Value}");
    }

    private static int FromNumber(double number, object original)
    {
        if (double.IsNaN(number) || double.IsInfinity(number) || Math.Floor(number) != number)
        {
            throw new CoercionException($"Int cannot represent non-integer value: {Inspect(original)}");
        }
        if (number is > int.MaxValue or < int.MinValue)
        {
            throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {Inspect(original)}");
        }
        return (int)number;
    }
}

internal sealed class FloatScalar : ScalarType
{
    public FloatScalar()
        : base("Float", "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
    {
    }

    public override object Serialize(object value)
    {
        switch (value)
        {
            case bool b:
                return b ? 1d : 0d;
            case string s when TryParseNumericString(s, out var parsed):
                return Finite(parsed, value);
            case string:
                throw new CoercionException($"Float cannot represent non numeric value: {Inspect(value)}");
        }
        if (TryGetNumber(value, out var number))
        {
            return Finite(number, value);
        }
        throw new CoercionException($"Float cannot represent non numeric value: {Inspect(value)}");
    }

    public override object ParseValue(object value)
    {
        if (value is bool || value is string || !TryGetNumber(value, out var number))
        {
            throw new CoercionException($"Float cannot represent non numeric value: {Inspect(value)}");
        }
        return Finite(number, value);
    }

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => Finite(double.Parse(f.Value, CultureInfo.InvariantCulture), f.Value),
        _ => throw new CoercionException($"Float cannot represent non numeric value: {Print(literal)}"),
    };

    private static double Finite(double number, object original) =>
        double.IsFinite(number) ? number : throw new CoercionException($"Float cannot represent non numeric value: {Inspect(original)}");
}

internal sealed class StringScalar : ScalarType
{
    public StringScalar()
        : base("String", "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
    {
    }

    public override object Serialize(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        char c => c.ToString(),
        Guid g => g.ToString(),
        _ when TryGetNumber(value, out var n) && double.IsFinite(n) => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new CoercionException($"String cannot represent value: {Inspect(value)}"),
    };

    public override object ParseValue(object value) =>
        value as string ?? throw new CoercionException($"String cannot represent a non string value: {Inspect(value)}");

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is StringValueNode s ? s.Value : throw new CoercionException($"String cannot represent a non string value: {Print(literal)}");
}

internal sealed class BooleanScalar : ScalarType
{
    public BooleanScalar()
        : base("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
    {
    }

    public override object Serialize(object value)
    {
        if (value is bool b)
        {
            return b;
        }
        if (value is not string && TryGetNumber(value, out var number) && double.IsFinite(number))
        {
            return number != 0;
        }
        throw new CoercionException($"Boolean cannot represent a non boolean value: {Inspect(value)}");
    }

    public override object ParseValue(object value) =>
        value is bool b ? b : throw new CoercionException($"Boolean cannot represent a non boolean value: {Inspect(value)}");

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is BooleanValueNode b ? b.Value : throw new CoercionException($"Boolean cannot represent a non boolean value: {Print(literal)}");
}

internal sealed class IdScalar : ScalarType
{
    public IdScalar()
        : base("ID", "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
    {
    }

    public override object Serialize(object value) => value switch
    {
        string s => s,
        Guid g => g.ToString(),
        int or long or short or byte or sbyte or ushort or uint or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d when Math.Floor(d) == d && double.IsFinite(d) => d.ToString("0", CultureInfo.InvariantCulture),
        _ => throw new CoercionException($"ID cannot represent value: {Inspect(value)}"),
    };

    public override object ParseValue(object value) => value switch
    {
        string s => s,
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d when Math.Floor(d) == d && double.IsFinite(d) => d.ToString("0", CultureInfo.InvariantCulture),
        _ => throw new CoercionException($"ID cannot represent value: {Inspect(value)}"),
    };

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        StringValueNode s => s.Value,
        IntValueNode i => i.Value,
        _ => throw new CoercionException($"ID cannot represent a non-string and non-integer value: {Print(literal)}"),
    };

    public override string PrintLiteral(object value) => ValuePrinter.PrintString((string)Serialize(value));
}
