using System.Globalization;
using System.Text;

namespace ProfileHub.Core.Segments;

internal enum RuleTokenKind
{
    Word,
    String,
    Number,
    Operator,
    LeftParen,
    RightParen,
    Comma,
    End,
}

/// <summary>One token; <see cref="Value"/> is the unquoted string or the number text.</summary>
internal readonly record struct RuleToken(RuleTokenKind Kind, string Text, string Value, RulePosition Position);

/// <summary>
/// Splits a rule into tokens: words (letters, digits, '_' and '.', as in <c>email.opened</c>), double-quoted
/// strings with \" and \\ escapes, numbers, the comparison operators and ( ) , . Comments run from '#' to the
/// end of the line, so a marketer can annotate a rule.
/// </summary>
internal static class RuleLexer
{
    public static List<RuleToken> Tokenize(string text)
    {
        var tokens = new List<RuleToken>();
        var line = 1;
        var lineStart = 0;
        var i = 0;
        while (true)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '#'))
            {
                if (text[i] == '#')
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }

                    continue;
                }

                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }

                i++;
            }

            var position = new RulePosition(line, i - lineStart + 1);
            if (i >= text.Length)
            {
                tokens.Add(new RuleToken(RuleTokenKind.End, "end of rule", string.Empty, position));
                return tokens;
            }

            var c = text[i];
            var start = i;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new RuleToken(RuleTokenKind.Word, word, word, position));
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var number = text[start..i];
                if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    throw Error($"'{number}' is not a number", position, number);
                }

                tokens.Add(new RuleToken(RuleTokenKind.Number, number, number, position));
            }
            else if (c == '"')
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length || text[i] == '\n')
                    {
                        throw Error("a string is not closed with \"", position, text[start..i]);
                    }

                    if (text[i] == '"')
                    {
                        i++;
                        break;
                    }

                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                    {
                        i++;
                    }

                    value.Append(text[i++]);
                }

                tokens.Add(new RuleToken(RuleTokenKind.String, text[start..i], value.ToString(), position));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
                if (two is "<=" or ">=" or "!=")
                {
                    i += 2;
                    tokens.Add(new RuleToken(RuleTokenKind.Operator, two, two, position));
                    continue;
                }

                i++;
                var kind = c switch
                {
                    '=' or '<' or '>' => RuleTokenKind.Operator,
                    '(' => RuleTokenKind.LeftParen,
                    ')' => RuleTokenKind.RightParen,
                    ',' => RuleTokenKind.Comma,
                    _ => throw Error($"unexpected character '{c}'", position, c.ToString()),
                };
                tokens.Add(new RuleToken(kind, c.ToString(), c.ToString(), position));
            }
        }
    }

    public static RuleException Error(string message, RulePosition position, string? token) => new([new RuleError(message, position, token)]);
}
