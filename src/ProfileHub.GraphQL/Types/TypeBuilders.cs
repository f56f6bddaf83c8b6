namespace ProfileHub.GraphQL.Types;

/// <summary>Fields and interfaces, shared by object and interface declarations.</summary>
public abstract class ComplexTypeBuilder<TSelf>
    where TSelf : ComplexTypeBuilder<TSelf>
{
    internal List<string> InterfaceNames { get; } = [];

    internal List<FieldBuilder> Fields { get; } = [];

    internal string? DescriptionText { get; private set; }

    /// <summary>The authorization of the fields that declare none (<see cref="AuthorizeFields"/>).</summary>
    internal FieldAuthorization? FieldAuthorizationDefault { get; private set; }

    public TSelf Description(string description)
    {
        DescriptionText = description;
        return (TSelf)this;
    }

    /// <summary>Who may read each field of this type that does not declare its own <see cref="FieldBuilder.Authorize"/>.</summary>
    public TSelf AuthorizeFields(FieldAuthorization authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        FieldAuthorizationDefault = authorization;
        return (TSelf)this;
    }

    public TSelf Implements(params string[] interfaces)
    {
        InterfaceNames.AddRange(interfaces);
        return (TSelf)this;
    }

    /// <summary>Declares a field; <paramref name="type"/> is an SDL type reference such as <c>[User!]!</c>.</summary>
    public TSelf Field(string name, string type, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, type);
        configure?.Invoke(field);
        Fields.Add(field);
        return (TSelf)this;
    }
}

public sealed class ObjectTypeBuilder : ComplexTypeBuilder<ObjectTypeBuilder>
{
    internal Func<object, bool>? IsTypeOfCheck { get; private set; }

    internal Type? ClrType { get; set; }

    /// <summary>Tells the executor whether a value of an interface or union is of this type.</summary>
    public ObjectTypeBuilder IsTypeOf(Func<object, bool> isTypeOf)
    {
        IsTypeOfCheck = isTypeOf;
        return this;
    }
}

public sealed class InterfaceTypeBuilder : ComplexTypeBuilder<InterfaceTypeBuilder>
{
    internal Func<object, string?>? TypeResolver { get; private set; }

    /// <summary>Returns the object type name of a runtime value; without it, object types' IsTypeOf decide.</summary>
    public InterfaceTypeBuilder ResolveType(Func<object, string?> resolveType)
    {
        TypeResolver = resolveType;
        return this;
    }
}

public sealed class UnionTypeBuilder
{
    internal List<string> Members { get; } = [];

    internal string? DescriptionText { get; private set; }

    internal Func<object, string?>? TypeResolver { get; private set; }

    public UnionTypeBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public UnionTypeBuilder Types(params string[] members)
    {
        Members.AddRange(members);
        return this;
    }

    public UnionTypeBuilder ResolveType(Func<object, string?> resolveType)
    {
        TypeResolver = resolveType;
        return this;
    }
}

public sealed class EnumTypeBuilder
{
    internal List<EnumValueDefinition> Values { get; } = [];

    internal string? DescriptionText { get; private set; }

    public EnumTypeBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Declares a value; <paramref name="value"/> is what resolvers return and arguments receive (the name by default).</summary>
    public EnumTypeBuilder Value(string name, object? value = null, string? description = null, string? deprecationReason = null)
    {
        Values.Add(new EnumValueDefinition(name, value ?? name, description, deprecationReason));
        return this;
    }
}

public sealed class InputObjectTypeBuilder
{
    internal List<InputValueBuilder> Fields { get; } = [];

    internal string? DescriptionText { get; private set; }

    internal bool IsOneOf { get; private set; }

    public InputObjectTypeBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Marks the input object <c>@oneOf</c>: exactly one field must be given (spec 3.10.1).</summary>
    public InputObjectTypeBuilder OneOf()
    {
        IsOneOf = true;
        return this;
    }

    public InputObjectTypeBuilder Field(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var field = new InputValueBuilder(name, type);
        configure?.Invoke(field);
        Fields.Add(field);
        return this;
    }
}

/// <summary>An argument or input field declaration.</summary>
public sealed class InputValueBuilder
{
    internal InputValueBuilder(string name, string type)
    {
        Name = name;
        TypeReference = type;
    }

    internal string Name { get; }

    internal string TypeReference { get; }

    internal string? DescriptionText { get; private set; }

    internal bool HasDefault { get; private set; }

    internal object? Default { get; private set; }

    internal string? DeprecationReason { get; private set; }

    public InputValueBuilder Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>The default, as a plain value (enum values by name, input objects as dictionaries).</summary>
    public InputValueBuilder DefaultValue(object? value)
    {
        HasDefault = true;
        Default = value;
        return this;
    }

    public InputValueBuilder Deprecated(string reason = SpecifiedDirectives.DefaultDeprecationReason)
    {
        DeprecationReason = reason;
        return this;
    }
}
