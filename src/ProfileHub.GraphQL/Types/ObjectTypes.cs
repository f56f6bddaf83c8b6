using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Validation;

namespace ProfileHub.GraphQL.Types;

/// <summary>Object and interface types both declare fields and implement interfaces (spec 3.6, 3.7).</summary>
public abstract class ComplexType : NamedType
{
    private protected ComplexType(string name, string? description)
        : base(name, description)
    {
    }

    public OrderedDictionary<string, FieldDefinition> Fields { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    public FieldDefinition? GetField(string name) => Fields.GetValueOrDefault(name);
}

public sealed class ObjectType : ComplexType
{
    public ObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Object;

    /// <summary>Decides whether a runtime value belongs to this type when an abstract type has no resolver.</summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }

    /// <summary>The CLR type whose instances are of this GraphQL type, if declared.</summary>
    public Type? ClrType { get; internal set; }
}

public sealed class InterfaceType : ComplexType
{
    public InterfaceType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Interface;

    /// <summary>Returns the name of the object type of a runtime value (graphql-js's resolveType).</summary>
    public Func<object, string?>? ResolveType { get; internal set; }
}

public sealed class UnionType : NamedType
{
    public UnionType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Union;

    public IReadOnlyList<ObjectType> Types { get; internal set; } = [];

    public Func<object, string?>? ResolveType { get; internal set; }
}

public sealed class EnumType : NamedType
{
    private readonly Dictionary<object, EnumValueDefinition> _byValue = [];

    public EnumType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Enum;

    public OrderedDictionary<string, EnumValueDefinition> Values { get; } = new(StringComparer.Ordinal);

    internal void Add(EnumValueDefinition value)
    {
        Values.Add(value.Name, value);
        _byValue.TryAdd(value.Value, value);
    }

    /// <summary>Result coercion: the internal value (or its name) to the enum value's name.</summary>
    public string Serialize(object value)
    {
        if (_byValue.TryGetValue(value, out var definition))
        {
            return definition.Name;
        }
        if (value is string name && Values.ContainsKey(name))
        {
            return name;
        }
        throw new CoercionException($"Enum \"{Name}\" cannot represent value: {ValuePrinter.Inspect(value)}");
    }

    /// <summary>Input coercion from a variable: the value must be one of the names, as a string.</summary>
    public object ParseValue(object value)
    {
        if (value is string name && Values.TryGetValue(name, out var definition))
        {
            return definition.Value;
        }
        // graphql-js's messages, suggestions included.
        var text = value as string ?? ValuePrinter.Inspect(value);
        var suggestion = Suggestions.DidYouMean("the enum value", Suggestions.List(text, Values.Keys));
        throw new CoercionException(value is string
            ? $"Value \"{text}\" does not exist in \"{Name}\" enum.{suggestion}"
            : $"Enum \"{Name}\" cannot represent non-string value: {text}.{suggestion}");
    }

    public EnumValueDefinition? FindByValue(object value) =>
        _byValue.GetValueOrDefault(value) ?? (value is string s ? Values.GetValueOrDefault(s) : null);
}

public sealed class EnumValueDefinition
{
    public EnumValueDefinition(string name, object value, string? description = null, string? deprecationReason = null)
    {
        Name = name;
        Value = value;
        Description = description;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }

    /// <summary>What resolvers return and arguments receive for this value (the name itself by default).</summary>
    public object Value { get; }

    public string? Description { get; }

    public string? DeprecationReason { get; }

    public bool IsDeprecated => DeprecationReason is not null;
}

public sealed class InputObjectType : NamedType
{
    public InputObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.InputObject;

    public OrderedDictionary<string, InputValueDefinition> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>@oneOf</c> directive: exactly one field must be given, and not null (spec 3.10.1).</summary>
    public bool IsOneOf { get; internal set; }
}

/// <summary>What fields, arguments and input fields share: a name, a type, a description, a deprecation.</summary>
public abstract class TypedMember
{
    private protected TypedMember(string name, GraphQLType type, string? description)
    {
        Name = name;
        Type = type;
        Description = description;
    }

    public string Name { get; }

    public GraphQLType Type { get; internal set; }

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;
}

/// <summary>A field of an object or interface type (spec 3.6).</summary>
public sealed class FieldDefinition : TypedMember
{
    public FieldDefinition(string name, GraphQLType type, string? description = null)
        : base(name, type, description)
    {
    }

    public OrderedDictionary<string, InputValueDefinition> Arguments { get; } = new(StringComparer.Ordinal);

    /// <summary>Who may read the field (null: declared by nobody, so anyone may); its check is part of <see cref="Resolver"/>.</summary>
    public FieldAuthorization? Authorization { get; internal set; }

    /// <summary>The resolver; null means the default resolver (a property or dictionary entry of the source).</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>Weight of this field in the cost analysis (1 by default, 0 for leaves).</summary>
    public int? Cost { get; internal set; }

    /// <summary>The arguments that bound the size of a list field (e.g. <c>first</c>, <c>last</c>), for the cost analysis.</summary>
    public IReadOnlyList<string> SlicingArguments { get; internal set; } = [];

    public InputValueDefinition? GetArgument(string name) => Arguments.GetValueOrDefault(name);
}

/// <summary>An argument or an input object field (the spec's <c>__InputValue</c>).</summary>
public sealed class InputValueDefinition : TypedMember
{
    private string? _defaultLiteral;

    public InputValueDefinition(string name, GraphQLType type, string? description = null)
        : base(name, type, description)
    {
    }

    public bool HasDefaultValue { get; internal set; }

    /// <summary>The default, already coerced to its internal value (enum values, dictionaries, lists).</summary>
    public object? DefaultValue { get; internal set; }

    /// <summary>The default as a GraphQL literal, as SDL and introspection's <c>defaultValue</c> show it.</summary>
    public string? DefaultLiteral
    {
        get => HasDefaultValue ? _defaultLiteral ?? ValuePrinter.Print(DefaultValue, Type) : null;
        internal set => _defaultLiteral = value;
    }

    /// <summary>Required: non-null type and no default (spec 3.6.1).</summary>
    public bool IsRequired => Type.IsNonNull && !HasDefaultValue;
}
