namespace ProfileHub.GraphQL.Language;

/// <summary>Spec 3.1: a schema or type extension.</summary>
public abstract record TypeSystemExtensionNode : DefinitionNode, IHasDirectives
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>Spec 3.4.3: a named type extension.</summary>
public abstract record TypeExtensionNode : TypeSystemExtensionNode
{
    public abstract NameNode Name { get; init; }
}

/// <summary>Spec 3.3.2: <c>extend schema</c>.</summary>
public sealed record SchemaExtensionNode(
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemExtensionNode
{
    public override NodeKind Kind => NodeKind.SchemaExtension;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.5.1.</summary>
public sealed record ScalarTypeExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.ScalarTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.6.3.</summary>
public sealed record ObjectTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.ObjectTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.7.1.</summary>
public sealed record InterfaceTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.InterfaceTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.8.1.</summary>
public sealed record UnionTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<NamedTypeNode> Types) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.UnionTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.9.1.</summary>
public sealed record EnumTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<EnumValueDefinitionNode> Values) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.EnumTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.10.1.</summary>
public sealed record InputObjectTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<InputValueDefinitionNode> Fields) : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.InputObjectTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}
