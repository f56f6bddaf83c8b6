using System.Globalization;

namespace ProfileHub.Core.Segments;

/// <summary>
/// The recursive-descent parser of the segment language (docs/segments.md has the grammar):
/// <code>
/// rule       = or
/// or         = and { "or" and }
/// and        = unary { "and" unary }
/// unary      = "not" unary | primary
/// primary    = "(" or ")" | operand [ comparison-operator literal ]
/// operand    = name [ "(" [ argument { "," argument } ] ")" ]
/// argument   = window | string | or
/// window     = "last" integer ( "days" | "day" )
/// literal    = string | number | number ( "days" | "day" ) "ago" | "true" | "false" | name
/// </code>
/// The first syntax error stops the parse and is reported with its line, column and token.
/// </summary>
public sealed class RuleParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "last", "true", "false" };

    private readonly List<RuleToken> _tokens;
    private int _next;

    private RuleParser(List<RuleToken> tokens)
    {
        _tokens = tokens;
    }

    public static RuleNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new RuleParser(RuleLexer.Tokenize(text));
        if (parser.Peek.Kind == RuleTokenKind.End)
        {
            throw RuleLexer.Error("the rule is empty", parser.Peek.Position, null);
        }

        var rule = parser.ParseOr();
        if (parser.Peek.Kind != RuleTokenKind.End)
        {
            throw parser.Unexpected("'and', 'or' or the end of the rule");
        }

        return rule;
    }

    private RuleToken Peek => _tokens[_next];

    private RuleToken Take() => _tokens[_next++];

    private bool IsWord(string word) => Peek.Kind == RuleTokenKind.Word && Peek.Text == word;

    private RuleNode ParseOr()
    {
        var left = ParseAnd();
        while (IsWord("or"))
        {
            var position = Take().Position;
            left = new OrNode(left, ParseAnd(), position);
        }

        return left;
    }

    private RuleNode ParseAnd()
    {
        var left = ParseUnary();
        while (IsWord("and"))
        {
            var position = Take().Position;
            left = new AndNode(left, ParseUnary(), position);
        }

        return left;
    }

    private RuleNode ParseUnary()
    {
        if (IsWord("not"))
        {
            var position = Take().Position;
            return new NotNode(ParseUnary(), position);
        }

        return ParsePrimary();
    }

    private RuleNode ParsePrimary()
    {
        if (Peek.Kind == RuleTokenKind.LeftParen)
        {
            Take();
            var inner = ParseOr();
            Expect(RuleTokenKind.RightParen, "')'");
            return inner;
        }

        if (Peek.Kind != RuleTokenKind.Word || Keywords.Contains(Peek.Text))
        {
            throw Unexpected("a condition (a field such as country, or a function such as purchases(last 30 days))");
        }

        var operand = ParseOperand();
        if (Peek.Kind != RuleTokenKind.Operator)
        {
            return operand;
        }

        var op = Take();
        return new ComparisonNode(operand, Operator(op.Text), ParseLiteral(), op.Position);
    }

    private RuleNode ParseOperand()
    {
        var name = Take();
        if (name.Text.EndsWith('.') || name.Text.StartsWith('.') || name.Text.Contains("..", StringComparison.Ordinal))
        {
            throw RuleLexer.Error($"'{name.Text}' is not a field name", name.Position, name.Text);
        }

        if (Peek.Kind != RuleTokenKind.LeftParen)
        {
            return new FieldNode(name.Text, name.Position);
        }

        Take();
        var arguments = new List<RuleNode>();
        WindowNode? window = null;
        if (Peek.Kind != RuleTokenKind.RightParen)
        {
            while (true)
            {
                if (IsWord("last"))
                {
                    window = ParseWindow();
                }
                else if (Peek.Kind == RuleTokenKind.String)
                {
                    arguments.Add(ParseLiteral());
                }
                else
                {
                    arguments.Add(ParseOr());
                }

                if (Peek.Kind != RuleTokenKind.Comma)
                {
                    break;
                }

                if (window is not null)
                {
                    throw Unexpected("')' (the window comes last)");
                }

                Take();
            }
        }

        Expect(RuleTokenKind.RightParen, "',' or ')'");
        return new CallNode(name.Text, arguments, window, name.Position);
    }

    private WindowNode ParseWindow()
    {
        var last = Take();
        var count = Peek;
        if (count.Kind != RuleTokenKind.Number || !int.TryParse(count.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            throw Unexpected("a whole number of days after 'last'");
        }

        Take();
        if (!IsWord("days") && !IsWord("day"))
        {
            throw Unexpected("'days'");
        }

        Take();
        return new WindowNode(days, last.Position);
    }

    private LiteralNode ParseLiteral()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case RuleTokenKind.String:
                Take();
                return new LiteralNode(LiteralKind.Text, token.Value, token.Text, token.Position);
            case RuleTokenKind.Number:
                Take();
                if (IsWord("days") || IsWord("day"))
                {
                    Take();
                    if (!IsWord("ago"))
                    {
                        throw Unexpected("'ago' (as in 30 days ago)");
                    }

                    Take();
                    if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
                    {
                        throw RuleLexer.Error("a number of days ago must be a whole, positive number", token.Position, token.Text);
                    }

                    return new LiteralNode(LiteralKind.DaysAgo, days, token.Text + " days ago", token.Position);
                }

                return new LiteralNode(LiteralKind.Number, decimal.Parse(token.Text, CultureInfo.InvariantCulture), token.Text, token.Position);
            case RuleTokenKind.Word when token.Text is "true" or "false":
                Take();
                return new LiteralNode(LiteralKind.Boolean, token.Text == "true", token.Text, token.Position);
            case RuleTokenKind.Word when !Keywords.Contains(token.Text):
                Take();
                return new LiteralNode(LiteralKind.Word, token.Text, token.Text, token.Position);
            default:
                throw Unexpected("a value (a \"string\", a number, true, false or a word such as granted)");
        }
    }

    private void Expect(RuleTokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw Unexpected(what);
        }

        Take();
    }

    private RuleException Unexpected(string expected) =>
        RuleLexer.Error($"expected {expected}, found {Describe(Peek)}", Peek.Position, Peek.Kind == RuleTokenKind.End ? null : Peek.Text);

    private static string Describe(RuleToken token) => token.Kind == RuleTokenKind.End ? "the end of the rule" : $"'{token.Text}'";

    private static ComparisonOperator Operator(string text) => text switch
    {
        "=" => ComparisonOperator.Equal,
        "!=" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.Less,
        "<=" => ComparisonOperator.LessOrEqual,
        ">" => ComparisonOperator.Greater,
        _ => ComparisonOperator.GreaterOrEqual,
    };
}
