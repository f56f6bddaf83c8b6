namespace ProfileHub.GraphQL.Types;

/// <summary>The kinds of type of the spec's <c>__TypeKind</c> enum (section 4.2).</summary>
#pragma warning disable CA1720 // The members are the spec's __TypeKind values.
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}
#pragma warning restore CA1720

/// <summary>Any GraphQL type: a named type or a list / non-null wrapper (spec section 3.4).</summary>
public abstract class GraphQLType
{
    public abstract TypeKind Kind { get; }

    /// <summary>The named type under every wrapper.</summary>
    public abstract NamedType Named { get; }

    public bool IsNonNull => Kind == TypeKind.NonNull;

    /// <summary>The type without its outermost non-null wrapper.</summary>
    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    /// <summary>Scalars, enums and input objects (and wrappers of them) may be used as inputs (3.4.2).</summary>
    public bool IsInputType => Named.Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    /// <summary>Everything but input objects may be used as outputs (3.4.2).</summary>
    public bool IsOutputType => Named.Kind != TypeKind.InputObject;

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;

    public bool IsAbstract => Kind is TypeKind.Interface or TypeKind.Union;

    /// <summary>The type as written in SDL, e.g. <c>[User!]!</c>.</summary>
    public abstract override string ToString();

    /// <summary>Structural equality of wrappers over the same named type instances.</summary>
    public bool IsEqualTo(GraphQLType other) => (this, other) switch
    {
        (NonNullType a, NonNullType b) => a.OfType.IsEqualTo(b.OfType),
        (ListType a, ListType b) => a.OfType.IsEqualTo(b.OfType),
        (NamedType a, NamedType b) => ReferenceEquals(a, b),
        _ => false,
    };
}

public sealed class ListType : GraphQLType
{
    public ListType(GraphQLType ofType) => OfType = ofType;

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.List;

    public override NamedType Named => OfType.Named;

    public override string ToString() => "[" + OfType + "]";
}

public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        if (ofType is NonNullType)
        {
            throw new ArgumentException("A non-null type cannot wrap another non-null type.", nameof(ofType));
        }
        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.NonNull;

    public override NamedType Named => OfType.Named;

    public override string ToString() => OfType + "!";
}

/// <summary>A type with a name of its own: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    protected NamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public override NamedType Named => this;

    public override string ToString() => Name;
}
