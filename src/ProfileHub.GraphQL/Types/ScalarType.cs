using System.Globalization;
using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Types;

/// <summary>
/// A leaf type with its coercion rules (spec section 3.5). Input values reach <see cref="ParseValue"/> as plain
/// .NET values: null, bool, string, long or double (JSON numbers), lists and string-keyed dictionaries.
/// </summary>
public abstract class ScalarType : NamedType
{
    protected ScalarType(string name, string? description = null, string? specifiedByUrl = null)
        : base(name, description)
    {
        SpecifiedByUrl = specifiedByUrl;
    }

    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The <c>@specifiedBy(url:)</c> of the scalar, announced in introspection as <c>specifiedByURL</c>.</summary>
    public string? SpecifiedByUrl { get; }

    /// <summary>Result coercion: turns a resolver's value into what is written to the response.</summary>
    /// <exception cref="CoercionException">The value cannot be represented by this scalar.</exception>
    public abstract object Serialize(object value);

    /// <summary>Input coercion of a variable's (JSON-derived) value.</summary>
    /// <exception cref="CoercionException">The value is not a valid input for this scalar.</exception>
    public abstract object ParseValue(object value);

    /// <summary>Input coercion of a literal in the document (never a variable: the executor substitutes those).</summary>
    /// <exception cref="CoercionException">The literal is not a valid input for this scalar.</exception>
    public abstract object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables);

    /// <summary>Prints an internal value as a GraphQL literal (default values in SDL and introspection).</summary>
    public virtual string PrintLiteral(object value) => ValuePrinter.PrintPlain(Serialize(value));

    private protected static string Inspect(object? value) => ValuePrinter.Inspect(value);

    private protected static string Print(ValueNode literal) => ValuePrinter.PrintLiteral(literal);

    private protected static bool TryGetNumber(object value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case ushort us: number = us; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            default: number = 0; return false;
        }
    }

    private protected static bool TryParseNumericString(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && text.Trim().Length == text.Length && text.Length > 0;
}

/// <summary>A value does not fit a scalar or enum; the executor turns it into a field or request error.</summary>
public sealed class CoercionException : Exception
{
    public CoercionException()
    {
    }

    public CoercionException(string message)
        : base(message)
    {
    }

    public CoercionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
