namespace ProfileHub.GraphQL.Language;

/// <summary>Spec 2.11: a type reference.</summary>
public abstract record TypeNode : SyntaxNode
{
    /// <summary>The named type at the core of any list/non-null wrapping.</summary>
    public abstract NamedTypeNode NamedType { get; }
}

/// <summary>Spec 2.11: <c>Name</c>.</summary>
public sealed record NamedTypeNode(NameNode Name) : TypeNode
{
    public override NodeKind Kind => NodeKind.NamedType;

    public override NamedTypeNode NamedType => this;
}

/// <summary>Spec 2.11: <c>[Type]</c>.</summary>
public sealed record ListTypeNode(TypeNode Type) : TypeNode
{
    public override NodeKind Kind => NodeKind.ListType;

    public override NamedTypeNode NamedType => Type.NamedType;
}

/// <summary>Spec 2.11: <c>Type!</c>; the inner type is never itself non-null.</summary>
public sealed record NonNullTypeNode(TypeNode Type) : TypeNode
{
    public override NodeKind Kind => NodeKind.NonNullType;

    public override NamedTypeNode NamedType => Type.NamedType;
}
