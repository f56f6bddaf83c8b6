using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Matching;

public class StringSimilarityTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.840)]
    [InlineData("dixon", "dicksonx", 0.813)]
    public void Jaro_winkler_matches_the_published_examples(string a, string b, double expected) =>
        Assert.Equal(expected, StringSimilarity.JaroWinkler(a, b), 3);

    [Fact]
    public void Jaro_winkler_is_one_for_equal_strings_and_zero_without_common_characters()
    {
        Assert.Equal(1.0, StringSimilarity.JaroWinkler("smith", "smith"));
        Assert.Equal(0.0, StringSimilarity.JaroWinkler("abc", "xyz"));
        Assert.Equal(0.0, StringSimilarity.JaroWinkler(string.Empty, "xyz"));
    }

    [Theory]
    [InlineData("19710624", "19710624", 0)]
    [InlineData("19710624", "19710524", 1)]
    [InlineData("19710624", "19716024", 1)]
    [InlineData("robert255", "roberta25", 2)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_substitutions_insertions_and_adjacent_swaps(string a, string b, int expected) =>
        Assert.Equal(expected, StringSimilarity.BoundedEditDistance(a, b, 5));

    [Fact]
    public void Edit_distance_stops_at_the_limit() =>
        Assert.Equal(2, StringSimilarity.BoundedEditDistance("aaaaaaaa", "bbbbbbbb", 1));

    [Fact]
    public void A_ten_thousand_character_value_is_compared_on_its_prefix_without_failing()
    {
        var huge = new string('x', 10_000);
        Assert.Equal(1.0, StringSimilarity.JaroWinkler(huge, huge + "y"));
        Assert.Equal(0, StringSimilarity.BoundedEditDistance(huge, huge + "y", 1));
    }
}
