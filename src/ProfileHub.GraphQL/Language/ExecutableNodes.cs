namespace ProfileHub.GraphQL.Language;

/// <summary>Spec 2.1.9: a name.</summary>
public sealed record NameNode(string Value) : SyntaxNode
{
    public override NodeKind Kind => NodeKind.Name;
}

/// <summary>Spec 2.2: a document, executable or type-system or both.</summary>
public sealed record DocumentNode(IReadOnlyList<DefinitionNode> Definitions) : SyntaxNode
{
    public override NodeKind Kind => NodeKind.Document;
}

/// <summary>Spec 2.2: any top-level definition.</summary>
public abstract record DefinitionNode : SyntaxNode;

/// <summary>Spec 2.2: an operation or a fragment definition.</summary>
public abstract record ExecutableDefinitionNode : DefinitionNode, IHasDirectives, IHasDescription
{
    public abstract NameNode? DefinitionName { get; }

    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }

    public abstract SelectionSetNode SelectionSet { get; init; }

    /// <summary>September 2025 edition: executable definitions may carry a description.</summary>
    public StringValueNode? Description { get; init; }
}

/// <summary>Spec 2.3: an operation; <see cref="Name"/> is null for an anonymous or shorthand query.</summary>
public sealed record OperationDefinitionNode(
    OperationType Operation,
    NameNode? Name,
    IReadOnlyList<VariableDefinitionNode> VariableDefinitions,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode
{
    public override NodeKind Kind => NodeKind.OperationDefinition;

    public override NameNode? DefinitionName => Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;

    public override SelectionSetNode SelectionSet { get; init; } = SelectionSet;
}

/// <summary>Spec 2.8: a fragment definition (no fragment variables).</summary>
public sealed record FragmentDefinitionNode(
    NameNode Name,
    NamedTypeNode TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode
{
    public override NodeKind Kind => NodeKind.FragmentDefinition;

    public override NameNode? DefinitionName => Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;

    public override SelectionSetNode SelectionSet { get; init; } = SelectionSet;
}

/// <summary>Spec 2.10: <c>$name: Type = default @directives</c>.</summary>
public sealed record VariableDefinitionNode(
    VariableNode Variable,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode, IHasDirectives, IHasDescription
{
    public override NodeKind Kind => NodeKind.VariableDefinition;

    /// <summary>September 2025 edition: variable definitions may carry a description.</summary>
    public StringValueNode? Description { get; init; }
}

/// <summary>Spec 2.4: <c>{ selections }</c>.</summary>
public sealed record SelectionSetNode(IReadOnlyList<SelectionNode> Selections) : SyntaxNode
{
    public override NodeKind Kind => NodeKind.SelectionSet;
}

/// <summary>Spec 2.4: a field, fragment spread or inline fragment.</summary>
public abstract record SelectionNode : SyntaxNode, IHasDirectives
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>Spec 2.5: <c>alias: name(arguments) @directives { selections }</c>.</summary>
public sealed record FieldNode(
    NameNode? Alias,
    NameNode Name,
    IReadOnlyList<ArgumentNode> Arguments,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode? SelectionSet) : SelectionNode
{
    public override NodeKind Kind => NodeKind.Field;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;

    /// <summary>The key this field has in the response: its alias, else its name (spec 2.7).</summary>
    public string ResponseKey => (Alias ?? Name).Value;
}

/// <summary>Spec 2.8: <c>...Name @directives</c>.</summary>
public sealed record FragmentSpreadNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : SelectionNode
{
    public override NodeKind Kind => NodeKind.FragmentSpread;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 2.8.2: <c>... on Type @directives { selections }</c>.</summary>
public sealed record InlineFragmentNode(
    NamedTypeNode? TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : SelectionNode
{
    public override NodeKind Kind => NodeKind.InlineFragment;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>Spec 2.6: <c>name: value</c>.</summary>
public sealed record ArgumentNode(NameNode Name, ValueNode Value) : SyntaxNode
{
    public override NodeKind Kind => NodeKind.Argument;
}

/// <summary>Spec 2.12: <c>@name(arguments)</c>.</summary>
public sealed record DirectiveNode(NameNode Name, IReadOnlyList<ArgumentNode> Arguments) : SyntaxNode
{
    public override NodeKind Kind => NodeKind.Directive;
}
