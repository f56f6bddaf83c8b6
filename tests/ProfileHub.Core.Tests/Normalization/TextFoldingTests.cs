using ProfileHub.Core.Normalization;

namespace ProfileHub.Core.Tests.Normalization;

public class TextFoldingTests
{
    private static string Fold(string text)
    {
        Span<char> folded = stackalloc char[TextFolding.MaxExpansion];
        var result = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            var n = TextFolding.Fold(c, folded);
            result.Append(folded[..n]);
        }

        return result.ToString();
    }

    [Theory]
    [InlineData("ÀÉÎÕÜ", "aeiou")]
    [InlineData("ßẞ", "ssss")]
    [InlineData("ÆŒØ", "aeoeo")]
    [InlineData("İIıi", "iiii")]
    [InlineData("ĞŞÇ", "gsc")]
    [InlineData("ǅ", "dz")]
    [InlineData("ＡＢＣ１", "abc1")]
    [InlineData("Ἀθῆναι", "αθηναι")]
    [InlineData("ǾɄ", "ou")]
    public void Letters_fold_to_lower_case_without_diacritics(string text, string expected)
    {
        Assert.Equal(expected, Fold(text));
    }

    [Theory]
    [InlineData("\u00A0")]
    [InlineData("\u2009")]
    [InlineData("\u202F")]
    [InlineData("\u3000")]
    [InlineData("\t")]
    [InlineData("\u2028")]
    public void Every_kind_of_space_folds_to_one_space(string space)
    {
        Assert.Equal(" ", Fold(space));
    }

    [Theory]
    [InlineData('\u200B')]
    [InlineData('\u200C')]
    [InlineData('\u200D')]
    [InlineData('\u2060')]
    [InlineData('\uFEFF')]
    [InlineData('\u00AD')]
    [InlineData('\u0301')]
    public void Invisible_characters_and_combining_marks_vanish(char c)
    {
        Assert.Equal(string.Empty, Fold(c.ToString()));
        Assert.True(TextFolding.IsInvisible(c));
    }

    [Fact]
    public void Digits_and_punctuation_pass_through_unchanged()
    {
        Assert.Equal("09-./#", Fold("09-./#"));
        Assert.False(TextFolding.IsInvisible('-'));
    }

    [Fact]
    public void Every_character_folds_within_the_maximum_expansion()
    {
        Span<char> folded = stackalloc char[TextFolding.MaxExpansion];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.InRange(TextFolding.Fold((char)c, folded), 0, TextFolding.MaxExpansion);
        }
    }

    [Fact]
    public void Lone_surrogates_are_removed_and_pairs_kept()
    {
        Assert.Equal("ab\uD83D\uDE00c", TextFolding.WithoutLoneSurrogates("a\uD800b\uD83D\uDE00\uDC00c"));
    }

    [Fact]
    public void Text_without_lone_surrogates_is_returned_as_is()
    {
        var text = "plain \uD83D\uDE00 text";

        Assert.Same(text, TextFolding.WithoutLoneSurrogates(text));
    }
}
