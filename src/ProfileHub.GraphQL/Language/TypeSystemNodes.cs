namespace ProfileHub.GraphQL.Language;

/// <summary>Spec 3.0: a schema, type or directive definition.</summary>
public abstract record TypeSystemDefinitionNode : DefinitionNode;

/// <summary>Spec 3.4: a named type definition.</summary>
public abstract record TypeDefinitionNode : TypeSystemDefinitionNode, IHasDirectives, IHasDescription
{
    public abstract StringValueNode? Description { get; init; }

    public abstract NameNode Name { get; init; }

    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>Spec 3.3: <c>schema @directives { query: Query ... }</c>.</summary>
public sealed record SchemaDefinitionNode(
    StringValueNode? Description,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemDefinitionNode, IHasDirectives, IHasDescription
{
    public override NodeKind Kind => NodeKind.SchemaDefinition;
}

/// <summary>Spec 3.3.1: <c>query: Query</c> inside a schema definition or extension.</summary>
public sealed record OperationTypeDefinitionNode(OperationType Operation, NamedTypeNode Type) : SyntaxNode
{
    public override NodeKind Kind => NodeKind.OperationTypeDefinition;
}

/// <summary>Spec 3.5.</summary>
public sealed record ScalarTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.ScalarTypeDefinition;

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.6.</summary>
public sealed record ObjectTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.ObjectTypeDefinition;

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.6: one field of an object or interface type.</summary>
public sealed record FieldDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    TypeNode Type,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode, IHasDirectives, IHasDescription
{
    public override NodeKind Kind => NodeKind.FieldDefinition;
}

/// <summary>Spec 3.6.1 and 3.10: an argument definition or an input object field.</summary>
public sealed record InputValueDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode, IHasDirectives, IHasDescription
{
    public override NodeKind Kind => NodeKind.InputValueDefinition;
}

/// <summary>Spec 3.7 (interfaces may implement interfaces).</summary>
public sealed record InterfaceTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.InterfaceTypeDefinition;

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.8.</summary>
public sealed record UnionTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<NamedTypeNode> Types) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.UnionTypeDefinition;

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.9.</summary>
public sealed record EnumTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<EnumValueDefinitionNode> Values) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.EnumTypeDefinition;

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.9: one enum value.</summary>
public sealed record EnumValueDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode, IHasDirectives, IHasDescription
{
    public override NodeKind Kind => NodeKind.EnumValueDefinition;
}

/// <summary>Spec 3.10.</summary>
public sealed record InputObjectTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<InputValueDefinitionNode> Fields) : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.InputObjectTypeDefinition;

    public override StringValueNode? Description { get; init; } = Description;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 3.13: <c>directive @name(args) repeatable on LOCATIONS</c>.</summary>
public sealed record DirectiveDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    bool Repeatable,
    IReadOnlyList<NameNode> Locations) : TypeSystemDefinitionNode, IHasDescription
{
    public override NodeKind Kind => NodeKind.DirectiveDefinition;
}
