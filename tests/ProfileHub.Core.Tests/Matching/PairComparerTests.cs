using ProfileHub.Core.Matching;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Matching;

public class PairComparerTests
{
    private static int Level(MatchInput a, MatchInput b, Comparison comparison)
    {
        var table = new FeatureTable();
        table.Add(FeatureExtractor.Extract(a, MatchSettings.Default));
        table.Add(FeatureExtractor.Extract(b, MatchSettings.Default));
        return ComparisonVector.Level(PairComparer.Compare(table, 0, 1), (int)comparison);
    }

    private static bool Swapped(MatchInput a, MatchInput b)
    {
        var table = new FeatureTable();
        table.Add(FeatureExtractor.Extract(a, MatchSettings.Default));
        table.Add(FeatureExtractor.Extract(b, MatchSettings.Default));
        return PairComparer.NamesSwapped(table.Pool, in table[0], in table[1]);
    }

    private static string Label(MatchInput a, MatchInput b, Comparison comparison) =>
        Comparisons.Get(comparison).Levels[Level(a, b, comparison)];

    [Theory]
    [InlineData("Robert", "robert", "exact")]
    [InlineData("Bob", "Robert", "nickname")]
    [InlineData("Harriet", "Harreit", "very similar")]
    [InlineData("J", "John", "initial")]
    [InlineData("Karen", "Oliver", "different")]
    public void Given_names_compare_at_graded_levels(string a, string b, string expected) =>
        Assert.Equal(expected, Label(People.Record("a", first: a, last: "x"), People.Record("b", first: b, last: "y"), Comparison.GivenName));

    [Theory]
    [InlineData("Schepers", "Schepoirs", "very similar")]
    [InlineData("Ho", "H O", "very similar")]
    [InlineData("Herbert", "Harrington", "different")]
    public void Family_names_compare_at_graded_levels_and_ignore_a_stray_space(string a, string b, string expected) =>
        Assert.Equal(expected, Label(People.Record("a", first: "x", last: a), People.Record("b", first: "y", last: b), Comparison.FamilyName));

    [Theory]
    [InlineData("smith", "john", "john", "smith", "exact", "exact")]
    [InlineData("hels", "trey", "trey", "held", "similar", "exact")]
    [InlineData("white", null, "georgia", "white", "exact", "missing")]
    [InlineData("rowe", "caleb", "caleb", "rwoe", "very similar", "exact")]
    public void Names_entered_the_wrong_way_round_compare_crosswise_first_against_last(string aFirst, string? aLast, string bFirst, string bLast, string given, string family)
    {
        var a = People.Record("a", first: aFirst, last: aLast);
        var b = People.Record("b", first: bFirst, last: bLast);
        Assert.Equal(given, Label(a, b, Comparison.GivenName));
        Assert.Equal(family, Label(a, b, Comparison.FamilyName));
    }

    [Fact]
    public void An_initial_agrees_crosswise_with_the_name_it_begins()
    {
        // "q ramos" at the till, "ramos quang" on the newsletter: Quang Ramos twice.
        var a = People.Record("a", first: "q", last: "ramos");
        var b = People.Record("b", first: "Ramos", last: "Quang");
        Assert.True(Swapped(a, b));
        Assert.Equal("initial", Label(a, b, Comparison.GivenName));
        Assert.Equal("exact", Label(a, b, Comparison.FamilyName));
    }

    [Theory]
    [InlineData("john", "smith", "john", "smithson")]
    [InlineData("maria", "jones", "jones", "smith")]
    [InlineData("anna", "smith", "smith", "jones")]
    public void Names_that_agree_straight_or_only_half_crosswise_are_not_taken_as_swapped(string aFirst, string aLast, string bFirst, string bLast) =>
        Assert.False(Swapped(People.Record("a", first: aFirst, last: aLast), People.Record("b", first: bFirst, last: bLast)));

    [Theory]
    [InlineData("1971-06-24", "24/06/1971", "exact")]
    [InlineData("1971-06-24", "1971-05-24", "one typo apart")]
    [InlineData("1971-06-24", "1917-06-24", "one typo apart")]
    [InlineData("1971-03-04", "1971-04-03", "day and month swapped")]
    [InlineData("1971-06-24", "1971-07-10", "within a month")]
    [InlineData("1971-06-24", "1971-08-14", "two typos apart")]
    [InlineData("1977-09-13", "1976-10-15", "within a year")]
    [InlineData("1992-11-20", "2001-01-17", "within ten years")]
    [InlineData("1971-06-24", "1985-01-02", "different")]
    [InlineData("1971-06-24", null, "missing")]
    public void Birth_dates_compare_by_typos_swaps_and_distance(string a, string? b, string expected) =>
        Assert.Equal(expected, Label(People.Record("a", birthDate: a), People.Record("b", birthDate: b), Comparison.BirthDate));

    [Fact]
    public void Impossible_birth_dates_far_apart_in_digits_are_different_without_a_distance()
    {
        // Neither parses, so no day distance can bring them closer than their digits are.
        Assert.Equal("different", Label(People.Record("a", birthDate: "19081232"), People.Record("b", birthDate: "19461299"), Comparison.BirthDate));
    }

    [Fact]
    public void An_unparseable_birth_date_still_compares_as_text()
    {
        // 19081232 is no calendar day (febrl corrupts dates like this); it is one typo from 19081231.
        Assert.Equal("one typo apart", Label(People.Record("a", birthDate: "19081232"), People.Record("b", birthDate: "19081231"), Comparison.BirthDate));
    }

    [Theory]
    [InlineData("Jane.Doe@Example.com", "jane.doe@example.com", "exact")]
    [InlineData("jane.doe@gmail.com", "janedoe+shop@gmail.com", "same Gmail account")]
    [InlineData("robert255@smith.net", "roberta255@smith.net", "similar mailbox")]
    [InlineData("patrickk70@yahoo.com", "patrick274@yahoo.com", "different")]
    [InlineData("juan73@gmail.com", "juanp738@gmail.com", "different")]
    [InlineData("jane@example.com", "oliver@example.com", "different")]
    [InlineData("craig9055@yahoo.com", "craig1855@yahoo.com", "different")]
    [InlineData("masons2@reed.com", "masons52@reed.com", "different")]
    [InlineData("tien_nguyen@yahoo.com", "tien_nguyen2@yahoo.com", "different")]
    [InlineData("gabriel.t54@nichols.info", "gabriel.t54@nnichls.info", "similar mailbox")]
    [InlineData("dan.hand@icloud.com", "dean.hand@hotmail.com", "different")]
    [InlineData("d.johnson@starkcorp.com", "d.johnson@initech.com", "same mailbox name elsewhere")]
    [InlineData("beverlysmith@hotmail.com", "beverly.smith@hotmail.com", "different")]
    [InlineData("eddie.nguyen541@yahoo.com", "eddie.nguyen561@yahoo.com", "different")]
    [InlineData("patton.helen4@hotmail.com", "patton.helen4@hotmial.com", "similar mailbox")]
    [InlineData("lauragonzalezdiat812@gmail.com", "laura.gonzalez.diaz812@gmail.com", "similar mailbox")]
    [InlineData("margare.tnguyen86@gmail.com", "margaretnguyen81@gmail.com", "different")]
    [InlineData("rboert255@smith.net", "robert255@smith.net", "similar mailbox")] // two letters swapped: one slip
    [InlineData("dnguyen@gmail.com", "duc.nguyen@gmail.com", "different")] // two edits: another account
    [InlineData("robertn@hotmail.com", "robert98@hotmail.com", "different")]
    [InlineData("minh.p@gmail.com", "minh14@gmail.com", "different")]
    public void Emails_compare_exactly_by_gmail_account_and_by_mailbox(string a, string b, string expected) =>
        Assert.Equal(expected, Label(People.Record("a", email: a), People.Record("b", email: b), Comparison.Email));

    [Theory]
    [InlineData("BN26 8JZ", "BN26 8JZ", "exact")]
    [InlineData("BN26 8JZ", "BN26 8JX", "one typo apart")]
    [InlineData("BN26 8JZ", "BN26 5RO", "same district")] // another street in the district
    [InlineData("BN26 8JZ", "BN2 8JZ", "one typo apart")]
    [InlineData("BN26 8JZ", "BN27 5RO", "different")]
    [InlineData("78723", "78745", "same district")] // a ZIP's first three digits: one sectional centre
    [InlineData("78723", "90210", "different")]
    public void Postal_codes_compare_whole_then_by_district(string a, string b, string expected) =>
        Assert.Equal(expected, Label(People.Record("a", postcode: a), People.Record("b", postcode: b), Comparison.PostalCode));

    [Fact]
    public void Phones_compare_in_e164_form() =>
        Assert.Equal("exact", Label(People.Record("a", phone: "07700 900123"), People.Record("b", phone: "+44 7700 900123"), Comparison.Phone));

    [Theory]
    [InlineData("García López", "Garcia", "one of two surnames")]
    [InlineData("Muñoz", "Munoz", "exact")]
    [InlineData("García López", "López", "different")]
    public void A_second_surname_kept_by_one_system_only_is_one_of_two_surnames(string a, string b, string expected) =>
        Assert.Equal(expected, Label(People.Record("a", "José", a), People.Record("b", "Jose", b), Comparison.FamilyName));

    [Fact]
    public void Handles_keep_their_dots_and_underscores()
    {
        var a = new MatchInput("a").Set(AttributeName.SocialHandle, "@sandra.phan");
        var b = new MatchInput("b").Set(AttributeName.SocialHandle, "@Sandra_Phan");
        var c = new MatchInput("c").Set(AttributeName.SocialHandle, "sandra.phan");

        Assert.Equal("different", Label(a, b, Comparison.SocialHandle));
        Assert.Equal("exact", Label(a, c, Comparison.SocialHandle));
    }
}
