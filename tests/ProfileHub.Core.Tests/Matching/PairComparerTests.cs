using ProfileHub.Core.Matching;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Matching;

public class PairComparerTests
{
    private static int Level(SourceRecord a, SourceRecord b, Comparison comparison)
    {
        var table = new FeatureTable();
        table.Add(FeatureExtractor.Extract(a, MatchSettings.Default));
        table.Add(FeatureExtractor.Extract(b, MatchSettings.Default));
        return ComparisonVector.Level(PairComparer.Compare(table, 0, 1), (int)comparison);
    }

    private static string Label(SourceRecord a, SourceRecord b, Comparison comparison) =>
        Comparisons.Get(comparison).Levels[Level(a, b, comparison)];

    [Theory]
    [InlineData("Robert", "robert", "exact")]
    [InlineData("Bob", "Robert", "nickname")]
    [InlineData("Harriet", "Harreit", "very similar")]
    [InlineData("J", "John", "initial")]
    [InlineData("Karen", "Oliver", "different")]
    public void Given_names_compare_at_graded_levels(string a, string b, string expected) =>
        Assert.Equal(expected, Label(People.Record("a", first: a, last: "x"), People.Record("b", first: b, last: "y"), Comparison.GivenName));

    [Fact]
    public void Names_entered_the_wrong_way_round_are_recognised()
    {
        var a = People.Record("a", first: "smith", last: "john");
        var b = People.Record("b", first: "john", last: "smith");
        Assert.Equal("swapped with surname", Label(a, b, Comparison.GivenName));
        Assert.Equal("missing", Label(a, b, Comparison.FamilyName));
    }

    [Theory]
    [InlineData("1971-06-24", "24/06/1971", "exact")]
    [InlineData("1971-06-24", "1971-05-24", "one typo apart")]
    [InlineData("1971-06-24", "1917-06-24", "one typo apart")]
    [InlineData("1971-06-24", "1971-08-14", "two typos apart")]
    [InlineData("1971-06-24", "1985-01-02", "different")]
    [InlineData("1971-06-24", null, "missing")]
    public void Birth_dates_compare_within_a_typo(string a, string? b, string expected) =>
        Assert.Equal(expected, Label(People.Record("a", birthDate: a), People.Record("b", birthDate: b), Comparison.BirthDate));

    [Fact]
    public void An_unparseable_birth_date_still_compares_as_text()
    {
        // 19081232 is no calendar day (febrl corrupts dates like this); it is one typo from 19081231.
        Assert.Equal("one typo apart", Label(People.Record("a", birthDate: "19081232"), People.Record("b", birthDate: "19081231"), Comparison.BirthDate));
    }

    [Theory]
    [InlineData("Jane.Doe@Example.com", "jane.doe@example.com", "exact")]
    [InlineData("jane.doe@gmail.com", "janedoe+shop@gmail.com", "same Gmail account")]
    [InlineData("robert255@smith.net", "roberta25@smith.net", "similar mailbox")]
    [InlineData("jane@example.com", "oliver@example.com", "different")]
    public void Emails_compare_exactly_by_gmail_account_and_by_mailbox(string a, string b, string expected) =>
        Assert.Equal(expected, Label(People.Record("a", email: a), People.Record("b", email: b), Comparison.Email));

    [Fact]
    public void Phones_compare_in_e164_form() =>
        Assert.Equal("exact", Label(People.Record("a", phone: "07700 900123"), People.Record("b", phone: "+44 7700 900123"), Comparison.Phone));
}
