using ProfileHub.GraphQL.Language;

namespace ProfileHub.GraphQL.Tests.Language;

public class LexerTests
{
    [Theory]
    [InlineData("4", false)]
    [InlineData("-4", false)]
    [InlineData("0", false)]
    [InlineData("-0", false)]
    [InlineData("4.123", true)]
    [InlineData("-4.123", true)]
    [InlineData("0.123", true)]
    [InlineData("123e4", true)]
    [InlineData("123E-4", true)]
    [InlineData("-1.123e+4", true)]
    public void Numbers_lex_as_int_or_float_keeping_their_text(string source, bool isFloat)
    {
        var token = new Lexer(source).Next();

        Assert.Equal(isFloat ? TokenKind.Float : TokenKind.Int, token.Kind);
        Assert.Equal(source, token.Value);
    }

    [Theory]
    [InlineData("00", "Invalid number, unexpected digit after 0: \"0\".", 2)]
    [InlineData("01", "Invalid number, unexpected digit after 0: \"1\".", 2)]
    [InlineData("0x", "Invalid number, expected digit but got: \"x\".", 2)]
    [InlineData("1.", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData(".5", "Invalid number, expected digit before \".\", did you mean \"0.5\"?", 1)]
    [InlineData("1.A", "Invalid number, expected digit but got: \"A\".", 3)]
    [InlineData("-A", "Invalid number, expected digit but got: \"A\".", 2)]
    [InlineData("1.0e", "Invalid number, expected digit but got: <EOF>.", 5)]
    [InlineData("1.2.3", "Invalid number, expected digit but got: \".\".", 4)]
    [InlineData("123abc", "Invalid number, expected digit but got: \"a\".", 4)]
    [InlineData("1_000", "Invalid number, expected digit but got: \"_\".", 2)]
    [InlineData("1.23e4f", "Invalid number, expected digit but got: \"f\".", 7)]
    public void Malformed_numbers_are_syntax_errors(string source, string description, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => new Lexer(source).Next());

        Assert.Equal(description, error.Description);
        Assert.Equal(column, error.Column);
    }

    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\b\t\f")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"\\u{1F600} and \\u{0}\"", "\U0001F600 and \0")]
    [InlineData("\"\\uD83D\\uDE00\"", "\U0001F600")]
    [InlineData("\"\U0001F600 raw\"", "\U0001F600 raw")]
    [InlineData("\"control \u0007 characters are source characters\"", "control \u0007 characters are source characters")]
    public void Strings_apply_their_escapes(string source, string value)
    {
        var token = new Lexer(source).Next();

        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Theory]
    [InlineData("\"", "Unterminated string.")]
    [InlineData("\"no end quote", "Unterminated string.")]
    [InlineData("\"multi\nline\"", "Unterminated string.")]
    [InlineData("'single quotes'", "Unexpected single quote character ('), did you mean to use a double quote (\")?")]
    [InlineData("\"bad \\z esc\"", "Invalid character escape sequence: \"\\z\".")]
    [InlineData("\"bad \\u1 esc\"", "Invalid Unicode escape sequence: \"\\u1 es\".")]
    [InlineData("\"bad \\u{110000}\"", "Invalid Unicode escape sequence: \"\\u{110000}\".")]
    [InlineData("\"bad \\u{D800}\"", "Invalid Unicode escape sequence: \"\\u{D800}\".")]
    [InlineData("\"lone \\uD83D\"", "Invalid Unicode escape sequence: \"\\uD83D\".")]
    [InlineData("\"lone \\uDE00\\uD83D\"", "Invalid Unicode escape sequence: \"\\uDE00\".")]
    public void Malformed_strings_are_syntax_errors(string source, string description)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => new Lexer(source).Next());

        Assert.Equal(description, error.Description);
    }

    [Fact]
    public void Block_strings_remove_common_indentation_and_blank_edge_lines()
    {
        var token = new Lexer("\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\"").Next();

        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal("Hello,\n  World!\n\nYours,\n  GraphQL.", token.Value);
    }

    [Fact]
    public void Block_strings_keep_escaped_triple_quotes_and_other_backslashes_raw()
    {
        var token = new Lexer("\"\"\"contains \\\"\"\" and \\n raw\"\"\"").Next();

        Assert.Equal("contains \"\"\" and \\n raw", token.Value);
    }

    [Fact]
    public void Tokens_after_a_multi_line_block_string_have_the_right_line()
    {
        var lexer = new Lexer("\"\"\"a\r\nb\rc\n\"\"\" name");
        lexer.Next();

        var name = lexer.Next();

        Assert.Equal(4, name.Line);
        Assert.Equal(5, name.Column);
    }

    [Fact]
    public void Ignored_tokens_are_skipped_and_lines_counted_for_every_line_terminator()
    {
        var lexer = new Lexer("\uFEFF ,\t# comment\r\n\r\n  foo");

        var token = lexer.Next();

        Assert.Equal(new Token(TokenKind.Name, 19, 22, 3, 3, "foo"), token);
        Assert.Equal(TokenKind.EndOfFile, lexer.Next().Kind);
    }

    [Theory]
    [InlineData("?", "Unexpected character: \"?\".")]
    [InlineData("\u203B", "Unexpected character: U+203B.")]
    [InlineData("\U0001F600", "Unexpected character: U+1F600.")]
    [InlineData("\u0007", "Unexpected character: U+0007.")]
    [InlineData("..", "Unexpected \"..\", did you mean \"...\"?")]
    [InlineData(". 5", "Unexpected character: \".\".")]
    public void Characters_outside_the_grammar_are_rejected(string source, string description)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => new Lexer(source).Next());

        Assert.Equal(description, error.Description);
    }

    [Fact]
    public void Lone_surrogates_are_invalid_characters_inside_and_outside_strings()
    {
        var inString = Assert.Throws<GraphQLSyntaxException>(() => new Lexer("\"lone " + '\uD800' + " surrogate\"").Next());
        var outside = Assert.Throws<GraphQLSyntaxException>(() => new Lexer(new string('\uDEAD', 1)).Next());

        Assert.Equal("Invalid character within String: U+D800.", inString.Description);
        Assert.Equal("Invalid character: U+DEAD.", outside.Description);
    }
}
