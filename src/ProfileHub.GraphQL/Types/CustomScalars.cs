using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Types;

/// <summary>
/// <c>DateTime</c>: an RFC 3339 date-time with offset, as in the GraphQL Scalars date-time specification.
/// Resolvers may return <see cref="DateTimeOffset"/> or a UTC/local <see cref="DateTime"/>; inputs become
/// <see cref="DateTimeOffset"/>.
/// </summary>
internal sealed partial class DateTimeScalar : ScalarType
{
    public DateTimeScalar()
        : base("DateTime", "A date-time string at UTC or with an offset, such as `2007-12-03T10:15:30Z`, compliant with the `date-time` format of RFC 3339.", "https://scalars.graphql.org/andimarek/date-time")
    {
    }

    public override object Serialize(object value) => value switch
    {
        DateTimeOffset dto => Format(dto),
        DateTime { Kind: DateTimeKind.Unspecified } => throw new CoercionException("DateTime cannot represent a date-time without an offset: use DateTimeOffset or a UTC DateTime."),
        DateTime dt => Format(new DateTimeOffset(dt)),
        string s => Format(Parse(s)),
        _ => throw new CoercionException($"DateTime cannot represent value: {Inspect(value)}"),
    };

    public override object ParseValue(object value) =>
        value is string s ? Parse(s) : throw new CoercionException($"DateTime cannot represent a non string value: {Inspect(value)}");

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is StringValueNode s ? Parse(s.Value) : throw new CoercionException($"DateTime cannot represent a non string value: {Print(literal)}");

    private static string Format(DateTimeOffset value) => value.Offset == TimeSpan.Zero
        ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text)
    {
        // RFC 3339 section 5.6 date-time: a full date, "T", a time with optional fraction and a mandatory offset.
        if (!Rfc3339().IsMatch(text) ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw new CoercionException($"DateTime cannot represent an invalid date-time string: {Inspect(text)}");
        }
        return parsed;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}

/// <summary>
/// <c>Date</c>: an RFC 3339 full-date (<c>2007-12-03</c>), as in the GraphQL Scalars local-date specification.
/// Resolvers return <see cref="DateOnly"/> (or a date-only string); inputs become <see cref="DateOnly"/>.
/// </summary>
internal sealed class DateScalar : ScalarType
{
    private const string Format = "yyyy-MM-dd";

    public DateScalar()
        : base("Date", "A calendar date without time or offset, such as `2007-12-03`, compliant with the `full-date` format of RFC 3339.", "https://scalars.graphql.org/andimarek/local-date")
    {
    }

    public override object Serialize(object value) => value switch
    {
        DateOnly date => date.ToString(Format, CultureInfo.InvariantCulture),
        string s => Parse(s).ToString(Format, CultureInfo.InvariantCulture),
        _ => throw new CoercionException($"Date cannot represent value: {Inspect(value)}"),
    };

    public override object ParseValue(object value) =>
        value is string s ? Parse(s) : throw new CoercionException($"Date cannot represent a non string value: {Inspect(value)}");

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is StringValueNode s ? Parse(s.Value) : throw new CoercionException($"Date cannot represent a non string value: {Print(literal)}");

    private static DateOnly Parse(string text) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CoercionException($"Date cannot represent an invalid full-date string: {Inspect(text)}");
}

/// <summary><c>Long</c>: a signed 64-bit integer, written as a JSON number.</summary>
internal sealed class LongScalar : ScalarType
{
    public LongScalar()
        : base("Long", "The `Long` scalar type represents non-fractional signed whole numeric values between -(2^63) and 2^63 - 1.", "https://learn.microsoft.com/dotnet/api/system.int64")
    {
    }

    public override object Serialize(object value) => value switch
    {
        long l => l,
        int or short or byte or sbyte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong u when u <= long.MaxValue => (long)u,
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        double d when Math.Floor(d) == d && d is >= long.MinValue and < long.MaxValue => (long)d,
        _ => throw new CoercionException($"Long cannot represent non 64-bit signed integer value: {Inspect(value)}"),
    };

    public override object ParseValue(object value) => value switch
    {
        long l => l,
        int i => (long)i,
        double d when Math.Floor(d) == d && d is >= long.MinValue and < long.MaxValue => (long)d,
        _ => throw new CoercionException($"Long cannot represent non 64-bit signed integer value: {Inspect(value)}"),
    };

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is IntValueNode i && long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CoercionException($"Long cannot represent non 64-bit signed integer value: {Print(literal)}");
}

/// <summary><c>JSON</c>: any JSON value, passed through as is (ECMA-404).</summary>
internal sealed class JsonScalar : ScalarType
{
    public JsonScalar()
        : base("JSON", "The `JSON` scalar type represents any JSON value.", "https://www.ecma-international.org/publications-and-standards/standards/ecma-404/")
    {
    }

    public override object Serialize(object value) => value;

    public override object ParseValue(object value) => value;

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        ToPlain(literal, variables) ?? throw new CoercionException("JSON cannot represent a null literal here.");

    private static object? ToPlain(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        NullValueNode => null,
        BooleanValueNode b => b.Value,
        StringValueNode s => s.Value,
        EnumValueNode e => e.Value,
        IntValueNode i => long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        ListValueNode list => list.Values.Select(v => ToPlain(v, variables)).ToList(),
        ObjectValueNode obj => obj.Fields.ToDictionary(f => f.Name.Value, f => ToPlain(f.Value, variables), StringComparer.Ordinal),
        VariableNode v => variables?.GetValueOrDefault(v.Name.Value),
        _ => throw new CoercionException($"JSON cannot represent literal: {Print(literal)}"),
    };

    public override string PrintLiteral(object value) => ValuePrinter.PrintPlain(value is JsonElement e ? JsonValues.ToPlain(e) : value);
}
