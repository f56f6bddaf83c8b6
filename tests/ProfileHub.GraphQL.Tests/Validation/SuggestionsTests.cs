using ProfileHub.GraphQL.Validation;

namespace ProfileHub.GraphQL.Tests.Validation;

public class SuggestionsTests
{
    [Fact]
    public void Did_you_mean_lists_at_most_five_quoted_suggestions()
    {
        Assert.Equal(string.Empty, Suggestions.DidYouMean([]));
        Assert.Equal(" Did you mean \"a\"?", Suggestions.DidYouMean(["a"]));
        Assert.Equal(" Did you mean the enum value \"a\" or \"b\"?", Suggestions.DidYouMean("the enum value", ["a", "b"]));
        Assert.Equal(
            " Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?",
            Suggestions.DidYouMean(["a", "b", "c", "d", "e", "f", "g"]));
    }

    [Fact]
    public void Suggestions_are_close_names_nearest_first_with_case_changes_counting_once()
    {
        var suggestions = Suggestions.List("nmae", ["name", "NMAE", "names", "nickname", "id"]);

        Assert.Equal(["NMAE", "name", "names"], suggestions);
    }

    [Fact]
    public void Names_at_the_same_distance_sort_with_numbers_compared_numerically()
    {
        var suggestions = Suggestions.List("abcdefgh", ["abcdefgh10", "abcdefgh9x"]);

        Assert.Equal(["abcdefgh9x", "abcdefgh10"], suggestions);
        Assert.True(Suggestions.NaturalCompare("item9", "item10") < 0);
        Assert.True(Suggestions.NaturalCompare("b", "a10") > 0);
    }
}
