namespace ProfileHub.GraphQL.Types;

/// <summary>Where a directive may appear (spec 3.13, <c>__DirectiveLocation</c>).</summary>
#pragma warning disable CA1720 // The members are the spec's __DirectiveLocation values.
public enum DirectiveLocation
{
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,

    /// <summary>graphql-js 17's experimental fragment variables; listed so introspection matches it.</summary>
    FragmentVariableDefinition,
    Schema,
    Scalar,
    Object,
    FieldDefinition,
    ArgumentDefinition,
    Interface,
    Union,
    Enum,
    EnumValue,
    InputObject,
    InputFieldDefinition,

    /// <summary>graphql-js 17 lets @deprecated mark directive definitions; listed so introspection matches it.</summary>
    DirectiveDefinition,
}
#pragma warning restore CA1720

public sealed class DirectiveDefinition
{
    public DirectiveDefinition(string name, IReadOnlyList<DirectiveLocation> locations, string? description = null, bool isRepeatable = false)
    {
        Name = name;
        Locations = locations;
        Description = description;
        IsRepeatable = isRepeatable;
    }

    public string Name { get; }

    public string? Description { get; }

    public IReadOnlyList<DirectiveLocation> Locations { get; }

    public bool IsRepeatable { get; }

    public OrderedDictionary<string, InputValueDefinition> Arguments { get; } = new(StringComparer.Ordinal);

    public override string ToString() => "@" + Name;
}

public static class DirectiveLocations
{
    private static readonly string[] Names =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "FRAGMENT_VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
        "DIRECTIVE_DEFINITION",
    ];

    /// <summary>The location's name as in SDL and introspection, e.g. <c>FIELD_DEFINITION</c>.</summary>
    public static string ToSdlName(this DirectiveLocation location) => Names[(int)location];
}

/// <summary>The directives every schema has (spec 3.13): @skip, @include, @deprecated, @specifiedBy, @oneOf.</summary>
public static class SpecifiedDirectives
{
    public const string DefaultDeprecationReason = "No longer supported";

    public static DirectiveDefinition Include { get; } = Conditional("include", "Directs the executor to include this field or fragment only when the `if` argument is true.", "Included when true.");

    public static DirectiveDefinition Skip { get; } = Conditional("skip", "Directs the executor to skip this field or fragment when the `if` argument is true.", "Skipped when true.");

    public static DirectiveDefinition Deprecated { get; } = CreateDeprecated();

    public static DirectiveDefinition SpecifiedBy { get; } = CreateSpecifiedBy();

    public static DirectiveDefinition OneOf { get; } = new(
        "oneOf", [DirectiveLocation.InputObject], "Indicates exactly one field must be supplied and this field must not be `null`.");

    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static bool IsSpecified(DirectiveDefinition directive) => All.Any(d => d.Name == directive.Name);

    private static DirectiveDefinition Conditional(string name, string description, string argumentDescription)
    {
        var directive = new DirectiveDefinition(
            name, [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment], description);
        directive.Arguments.Add("if", new InputValueDefinition("if", new NonNullType(Scalars.Boolean), argumentDescription));
        return directive;
    }

    private static DirectiveDefinition CreateDeprecated()
    {
        var directive = new DirectiveDefinition(
            "deprecated",
            [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue, DirectiveLocation.DirectiveDefinition],
            "Marks an element of a GraphQL schema as no longer supported.");
        directive.Arguments.Add("reason", new InputValueDefinition(
            "reason",
            new NonNullType(Scalars.String),
            "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).")
        {
            HasDefaultValue = true,
            DefaultValue = DefaultDeprecationReason,
        });
        return directive;
    }

    private static DirectiveDefinition CreateSpecifiedBy()
    {
        var directive = new DirectiveDefinition("specifiedBy", [DirectiveLocation.Scalar], "Exposes a URL that specifies the behavior of this scalar.");
        directive.Arguments.Add("url", new InputValueDefinition("url", new NonNullType(Scalars.String), "The URL that specifies the behavior of this scalar."));
        return directive;
    }
}

/// <summary>The built-in scalars (spec 3.5) and the engine's custom ones.</summary>
#pragma warning disable CA1720 // The names are GraphQL's scalar names (Int, Float, String, Long).
public static class Scalars
{
    public static ScalarType Int { get; } = new IntScalar();

    public static ScalarType Float { get; } = new FloatScalar();

    public static ScalarType String { get; } = new StringScalar();

    public static ScalarType Boolean { get; } = new BooleanScalar();

    public static ScalarType ID { get; } = new IdScalar();

    public static ScalarType DateTime { get; } = new DateTimeScalar();

    public static ScalarType Date { get; } = new DateScalar();

    public static ScalarType Long { get; } = new LongScalar();

    public static ScalarType Json { get; } = new JsonScalar();

    /// <summary>The spec's five, which every schema contains and printSchema leaves out.</summary>
    public static IReadOnlyList<ScalarType> Specified { get; } = [String, Int, Float, Boolean, ID];

    /// <summary>Custom scalars the schema builder adds when a type reference names them.</summary>
    public static IReadOnlyList<ScalarType> Custom { get; } = [DateTime, Date, Long, Json];

    public static bool IsSpecified(NamedType type) => Specified.Any(s => ReferenceEquals(s, type));
}
#pragma warning restore CA1720
