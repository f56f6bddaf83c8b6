using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Matching;

public class NysiisTests
{
    [Theory]
    [InlineData("catherine", "katherine")]
    [InlineData("macdonald", "mcdonald")]
    [InlineData("knight", "night")]
    [InlineData("phillips", "fillips")]
    public void Names_that_sound_alike_share_a_code(string a, string b) =>
        Assert.Equal(Nysiis.Encode(a), Nysiis.Encode(b));

    [Theory]
    [InlineData("smith", "jones")]
    [InlineData("harrington", "waller")]
    public void Names_that_sound_different_do_not_share_a_code(string a, string b) =>
        Assert.NotEqual(Nysiis.Encode(a), Nysiis.Encode(b));

    [Fact]
    public void Codes_are_upper_case_letters_truncated_to_six()
    {
        var code = Nysiis.Encode("ravensworth-montgomery");
        Assert.InRange(code.Length, 1, Nysiis.MaxCodeLength);
        Assert.All(code, c => Assert.InRange(c, 'A', 'Z'));
    }

    [Fact]
    public void Blank_or_letterless_input_has_an_empty_code()
    {
        Assert.Equal(string.Empty, Nysiis.Encode(null));
        Assert.Equal(string.Empty, Nysiis.Encode("1234"));
    }
}
