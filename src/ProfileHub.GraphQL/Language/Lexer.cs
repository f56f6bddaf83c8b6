using System.Globalization;
using System.Text;

namespace ProfileHub.GraphQL.Language;

/// <summary>
/// Spec 2.1: turns source text into tokens, skipping ignored tokens (whitespace, line terminators, commas,
/// comments, the byte order mark). Messages follow graphql-js's lexer so errors read the same.
/// </summary>
internal sealed class Lexer
{
    private readonly string _source;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public Lexer(string source)
    {
        _source = source;
        if (source.Length > 0 && source[0] == '\uFEFF')
        {
            _position = 1;
        }
    }

    public Token Next()
    {
        var body = _source;
        while (_position < body.Length)
        {
            var start = _position;
            var c = body[start];
            var column = 1 + start - _lineStart;
            switch (c)
            {
                case '\uFEFF' or '\t' or ' ' or ',':
                    _position++;
                    continue;
                case '\n':
                    _position++;
                    NewLine();
                    continue;
                case '\r':
                    _position += start + 1 < body.Length && body[start + 1] == '\n' ? 2 : 1;
                    NewLine();
                    continue;
                case '#':
                    SkipComment();
                    continue;
                case '!':
                    return Punctuator(TokenKind.Bang, start, column);
                case '$':
                    return Punctuator(TokenKind.Dollar, start, column);
                case '&':
                    return Punctuator(TokenKind.Amp, start, column);
                case '(':
                    return Punctuator(TokenKind.ParenL, start, column);
                case ')':
                    return Punctuator(TokenKind.ParenR, start, column);
                case '.':
                    if (At(start + 1) == '.' && At(start + 2) == '.')
                    {
                        _position += 3;
                        return new Token(TokenKind.Spread, start, start + 3, _line, column, null);
                    }

                    throw DotError(start);
                case ':':
                    return Punctuator(TokenKind.Colon, start, column);
                case '=':
                    return Punctuator(TokenKind.Equals, start, column);
                case '@':
                    return Punctuator(TokenKind.At, start, column);
                case '[':
                    return Punctuator(TokenKind.BracketL, start, column);
                case ']':
                    return Punctuator(TokenKind.BracketR, start, column);
                case '{':
                    return Punctuator(TokenKind.BraceL, start, column);
                case '|':
                    return Punctuator(TokenKind.Pipe, start, column);
                case '}':
                    return Punctuator(TokenKind.BraceR, start, column);
                case '"':
                    return At(start + 1) == '"' && At(start + 2) == '"'
                        ? ReadBlockString(start, column)
                        : ReadString(start, column);
                default:
                    break;
            }

            if (IsDigit(c) || c == '-')
            {
                return ReadNumber(start, column);
            }

            if (IsNameStart(c))
            {
                return ReadName(start, column);
            }

            throw Error(start, c == '\''
                ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                : IsScalarAt(start) ? $"Unexpected character: {PrintCodePointAt(start)}." : $"Invalid character: {PrintCodePointAt(start)}.");
        }

        return new Token(TokenKind.EndOfFile, body.Length, body.Length, _line, 1 + body.Length - _lineStart, null);
    }

    /// <summary>graphql-js 17's hints for a lone <c>.</c>: a two-dot spread or a float without its leading zero.</summary>
    private GraphQLSyntaxException DotError(int start)
    {
        if (At(start + 1) == '.')
        {
            return Error(start, "Unexpected \"..\", did you mean \"...\"?");
        }

        if (At(start + 1) is >= '0' and <= '9')
        {
            var end = ReadDigits(start + 1);
            return Error(start, $"Invalid number, expected digit before \".\", did you mean \"0.{_source[(start + 1)..end]}\"?");
        }

        return Error(start, $"Unexpected character: {PrintCodePointAt(start)}.");
    }

    /// <summary>A syntax error at a character offset, with the 1-based line and column computed from the source.</summary>
    public GraphQLSyntaxException Error(int position, string description) =>
        new(description, position, LocationOf(_source, position));

    public static SourceLocation LocationOf(string source, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < source.Length; i++)
        {
            if (source[i] == '\n' || (source[i] == '\r' && (i + 1 >= source.Length || source[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(line, position - lineStart + 1);
    }

    public static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    public static bool IsNameContinue(char c) => IsNameStart(c) || IsDigit(c);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private Token Punctuator(TokenKind kind, int start, int column)
    {
        _position = start + 1;
        return new Token(kind, start, start + 1, _line, column, null);
    }

    private int At(int position) => position < _source.Length ? _source[position] : -1;

    private void NewLine()
    {
        _line++;
        _lineStart = _position;
    }

    /// <summary>Spec 2.1.4: a comment runs to the end of the line; an invalid character ends it (and then fails).</summary>
    private void SkipComment()
    {
        var position = _position + 1;
        while (position < _source.Length)
        {
            var c = _source[position];
            if (c is '\n' or '\r')
            {
                break;
            }

            if (char.IsHighSurrogate(c) && position + 1 < _source.Length && char.IsLowSurrogate(_source[position + 1]))
            {
                position += 2;
            }
            else if (char.IsSurrogate(c))
            {
                break;
            }
            else
            {
                position++;
            }
        }

        _position = position;
    }

    private Token ReadName(int start, int column)
    {
        var position = start + 1;
        while (position < _source.Length && IsNameContinue(_source[position]))
        {
            position++;
        }

        _position = position;
        return new Token(TokenKind.Name, start, position, _line, column, _source[start..position]);
    }

    /// <summary>Spec 2.9.1 and 2.9.2: IntValue and FloatValue, including their lookahead restrictions.</summary>
    private Token ReadNumber(int start, int column)
    {
        var position = start;
        var isFloat = false;
        if (At(position) == '-')
        {
            position++;
        }

        if (At(position) == '0')
        {
            position++;
            if (At(position) is >= '0' and <= '9')
            {
                throw Error(position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position);
        }

        if (At(position) == '.')
        {
            isFloat = true;
            position = ReadDigits(position + 1);
        }

        if (At(position) is 'e' or 'E')
        {
            isFloat = true;
            position++;
            if (At(position) is '+' or '-')
            {
                position++;
            }

            position = ReadDigits(position);
        }

        var next = At(position);
        if (next == '.' || (next >= 0 && IsNameStart((char)next)))
        {
            throw Error(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        }

        _position = position;
        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, start, position, _line, column, _source[start..position]);
    }

    private int ReadDigits(int position)
    {
        if (At(position) is not (>= '0' and <= '9'))
        {
            throw Error(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        }

        while (At(position) is >= '0' and <= '9')
        {
            position++;
        }

        return position;
    }

    /// <summary>Spec 2.9.4: a single-line string with escapes, including <c>\u{...}</c> and surrogate pairs.</summary>
    private Token ReadString(int start, int column)
    {
        var body = _source;
        var position = start + 1;
        var chunkStart = position;
        var value = new StringBuilder();
        while (position < body.Length)
        {
            var c = body[position];
            if (c is '\n' or '\r')
            {
                break;
            }

            if (c == '"')
            {
                value.Append(body, chunkStart, position - chunkStart);
                _position = position + 1;
                return new Token(TokenKind.String, start, position + 1, _line, column, value.ToString());
            }

            if (c == '\\')
            {
                value.Append(body, chunkStart, position - chunkStart);
                position = ReadEscape(position, value);
                chunkStart = position;
                continue;
            }

            position = SkipSourceCharacter(position);
        }

        throw Error(position, "Unterminated string.");
    }

    /// <summary>
    /// Accepts one SourceCharacter: since the September 2025 edition any Unicode scalar value (control characters
    /// included), so only a lone surrogate is invalid; a surrogate pair counts as one character.
    /// </summary>
    private int SkipSourceCharacter(int position)
    {
        var c = _source[position];
        if (char.IsHighSurrogate(c) && position + 1 < _source.Length && char.IsLowSurrogate(_source[position + 1]))
        {
            return position + 2;
        }

        if (char.IsSurrogate(c))
        {
            throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
        }

        return position + 1;
    }

    private int ReadEscape(int position, StringBuilder value)
    {
        var escaped = At(position + 1);
        switch (escaped)
        {
            case '"':
                value.Append('"');
                return position + 2;
            case '\\':
                value.Append('\\');
                return position + 2;
            case '/':
                value.Append('/');
                return position + 2;
            case 'b':
                value.Append('\b');
                return position + 2;
            case 'f':
                value.Append('\f');
                return position + 2;
            case 'n':
                value.Append('\n');
                return position + 2;
            case 'r':
                value.Append('\r');
                return position + 2;
            case 't':
                value.Append('\t');
                return position + 2;
            case 'u':
                return At(position + 2) == '{' ? ReadVariableWidthEscape(position, value) : ReadFixedWidthEscape(position, value);
            default:
                throw Error(position, $"Invalid character escape sequence: \"{Slice(position, 2)}\".");
        }
    }

    /// <summary><c>\u{1F600}</c>: any Unicode scalar value, no surrogates (int32 arithmetic, as graphql-js's).</summary>
    private int ReadVariableWidthEscape(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var c = At(position + size);
            size++;
            if (c == '}')
            {
                if (size < 5 || !IsScalarValue(point))
                {
                    break;
                }

                value.Append(char.ConvertFromUtf32(point));
                return position + size;
            }

            point = (point << 4) | HexValue(c);
            if (point < 0)
            {
                break;
            }
        }

        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, size)}\".");
    }

    /// <summary><c>\uXXXX</c>, where a leading surrogate must be followed by <c>\uXXXX</c> with its trailing one.</summary>
    private int ReadFixedWidthEscape(int position, StringBuilder value)
    {
        var code = ReadHex4(position + 2);
        if (code >= 0 && IsScalarValue(code))
        {
            value.Append((char)code);
            return position + 6;
        }

        if (code is >= 0xD800 and <= 0xDBFF && At(position + 6) == '\\' && At(position + 7) == 'u')
        {
            var trailing = ReadHex4(position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF)
            {
                value.Append((char)code).Append((char)trailing);
                return position + 12;
            }
        }

        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, 6)}\".");
    }

    private int ReadHex4(int position)
    {
        var result = 0;
        for (var i = 0; i < 4; i++)
        {
            var digit = HexValue(At(position + i));
            if (digit < 0)
            {
                return -1;
            }

            result = (result << 4) | digit;
        }

        return result;
    }

    /// <summary>Spec 2.9.4: <c>"""block string"""</c>, raw except for <c>\"""</c>, then BlockStringValue().</summary>
    private Token ReadBlockString(int start, int column)
    {
        var body = _source;
        var line = _line;
        var position = start + 3;
        var chunkStart = position;
        var raw = new StringBuilder();
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '"' && At(position + 1) == '"' && At(position + 2) == '"')
            {
                raw.Append(body, chunkStart, position - chunkStart);
                _position = position + 3;
                return new Token(TokenKind.BlockString, start, position + 3, line, column, BlockString.Dedent(raw.ToString()));
            }

            if (c == '\\' && At(position + 1) == '"' && At(position + 2) == '"' && At(position + 3) == '"')
            {
                raw.Append(body, chunkStart, position - chunkStart).Append("\"\"\"");
                position += 4;
                chunkStart = position;
                continue;
            }

            if (c is '\n' or '\r')
            {
                position += c == '\r' && At(position + 1) == '\n' ? 2 : 1;
                _position = position;
                NewLine();
                continue;
            }

            position = SkipSourceCharacter(position);
        }

        throw Error(position, "Unterminated string.");
    }

    private string Slice(int position, int length) =>
        _source.Substring(position, Math.Min(length, _source.Length - position));

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsScalarValue(int code) => code is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    private bool IsScalarAt(int position)
    {
        var c = _source[position];
        return !char.IsSurrogate(c)
            || (char.IsHighSurrogate(c) && position + 1 < _source.Length && char.IsLowSurrogate(_source[position + 1]));
    }

    /// <summary>graphql-js's <c>printCodePointAt</c>: printable ASCII quoted, anything else as <c>U+XXXX</c>.</summary>
    private string PrintCodePointAt(int position)
    {
        if (position >= _source.Length)
        {
            return "<EOF>";
        }

        var c = _source[position];
        if (c is >= ' ' and <= '~')
        {
            return c == '"' ? "'\"'" : $"\"{c}\"";
        }

        var code = char.IsHighSurrogate(c) && position + 1 < _source.Length && char.IsLowSurrogate(_source[position + 1])
            ? char.ConvertToUtf32(c, _source[position + 1])
            : c;
        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }
}
