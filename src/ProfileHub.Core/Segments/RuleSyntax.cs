namespace ProfileHub.Core.Segments;

/// <summary>Where something is in a rule's text: 1-based line and column.</summary>
public readonly record struct RulePosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}

/// <summary>A problem in a rule, at the offending token.</summary>
public sealed record RuleError(string Message, RulePosition Position, string? Token)
{
    public override string ToString() => $"{Position}: {Message}";
}

/// <summary>A rule that does not parse or does not validate; carries every problem found, first one first.</summary>
public sealed class RuleException : Exception
{
    public RuleException(IReadOnlyList<RuleError> errors)
        : base(errors is [var first, ..] ? first.ToString() : "The rule is invalid.")
    {
        Errors = errors;
    }

    public RuleException()
        : this([])
    {
    }

    public RuleException(string message)
        : base(message)
    {
        Errors = [];
    }

    public RuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<RuleError> Errors { get; }
}

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

public enum LiteralKind
{
    Text,
    Number,

    /// <summary>A bare word: an enum value (granted, web, before).</summary>
    Word,
    Boolean,

    /// <summary><c>30 days ago</c>: a point in time relative to the evaluation.</summary>
    DaysAgo,
}

/// <summary>A node of a rule's syntax tree.</summary>
public abstract record RuleNode(RulePosition Position);

public sealed record AndNode(RuleNode Left, RuleNode Right, RulePosition Position) : RuleNode(Position);

public sealed record OrNode(RuleNode Left, RuleNode Right, RulePosition Position) : RuleNode(Position);

public sealed record NotNode(RuleNode Operand, RulePosition Position) : RuleNode(Position);

/// <summary><c>operand op literal</c>: the operand is a field or a call.</summary>
public sealed record ComparisonNode(RuleNode Operand, ComparisonOperator Operator, LiteralNode Value, RulePosition Position) : RuleNode(Position);

/// <summary>A dotted field name: <c>country</c>, <c>loyalty.tier</c>, <c>consent.email</c>, <c>controllable</c>.</summary>
public sealed record FieldNode(string Name, RulePosition Position) : RuleNode(Position);

/// <summary><c>name(arguments, last N days)</c>; <see cref="Window"/> is null when no window was written.</summary>
public sealed record CallNode(string Name, IReadOnlyList<RuleNode> Arguments, WindowNode? Window, RulePosition Position) : RuleNode(Position);

/// <summary><c>last N days</c>.</summary>
public sealed record WindowNode(int Days, RulePosition Position) : RuleNode(Position);

/// <summary>A string, number, word, boolean or <c>N days ago</c>; <see cref="Value"/> is a string, decimal, bool or int (days).</summary>
public sealed record LiteralNode(LiteralKind Kind, object Value, string Text, RulePosition Position) : RuleNode(Position);
