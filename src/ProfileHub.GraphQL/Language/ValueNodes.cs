namespace ProfileHub.GraphQL.Language;

/// <summary>Spec 2.9: an input value, constant or (outside const contexts) a variable.</summary>
public abstract record ValueNode : SyntaxNode;

/// <summary>Spec 2.10: <c>$name</c>.</summary>
public sealed record VariableNode(NameNode Name) : ValueNode
{
    public override NodeKind Kind => NodeKind.Variable;
}

/// <summary>Spec 2.9.1: the literal's source text, so no precision is lost before coercion.</summary>
public sealed record IntValueNode(string Value) : ValueNode
{
    public override NodeKind Kind => NodeKind.IntValue;
}

/// <summary>Spec 2.9.2: the literal's source text.</summary>
public sealed record FloatValueNode(string Value) : ValueNode
{
    public override NodeKind Kind => NodeKind.FloatValue;
}

/// <summary>Spec 2.9.4: the string's value after escapes (or the block string algorithm) were applied.</summary>
public sealed record StringValueNode(string Value, bool Block = false) : ValueNode
{
    public override NodeKind Kind => NodeKind.StringValue;
}

/// <summary>Spec 2.9.3.</summary>
public sealed record BooleanValueNode(bool Value) : ValueNode
{
    public override NodeKind Kind => NodeKind.BooleanValue;
}

/// <summary>Spec 2.9.5.</summary>
public sealed record NullValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.NullValue;
}

/// <summary>Spec 2.9.6.</summary>
public sealed record EnumValueNode(string Value) : ValueNode
{
    public override NodeKind Kind => NodeKind.EnumValue;
}

/// <summary>Spec 2.9.7.</summary>
public sealed record ListValueNode(IReadOnlyList<ValueNode> Values) : ValueNode
{
    public override NodeKind Kind => NodeKind.ListValue;
}

/// <summary>Spec 2.9.8.</summary>
public sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields) : ValueNode
{
    public override NodeKind Kind => NodeKind.ObjectValue;
}

/// <summary>Spec 2.9.8: one <c>name: value</c> of an input object literal.</summary>
public sealed record ObjectFieldNode(NameNode Name, ValueNode Value) : SyntaxNode
{
    public override NodeKind Kind => NodeKind.ObjectField;
}
