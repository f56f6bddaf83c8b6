using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Matching;

public class HouseholdMailboxTests
{
    private static HouseholdMailbox.Holder Holder(string given, string? family, string? canonical = null) => new(given, canonical ?? given, family);

    [Theory]
    [InlineData("thenguyens@gmail.com")]
    [InlineData("nguyenfamily168@yahoo.com")]
    [InlineData("thenguyenfamily964@outlook.com")]
    [InlineData("theles@proton.me")] // a two-letter surname
    public void A_mailbox_spelling_the_surname_beside_no_first_name_is_a_households(string address) =>
        Assert.True(HouseholdMailbox.Is(address, [Holder("dat", address.Contains("theles", StringComparison.Ordinal) ? "le" : "nguyen")]));

    [Theory]
    [InlineData("dnguyen@gmail.com", "dat")] // initial
    [InlineData("nguyend@gmail.com", "dat")] // initial after the surname
    [InlineData("nguyen.dat80@gmail.com", "dat")]
    [InlineData("dat_nguyen@gmail.com", "dat")]
    [InlineData("jery.nguyen866@proton.me", "jerry")] // one slip in the first name
    [InlineData("bobnguyen@gmail.com", "robert")] // a nickname of the first name
    [InlineData("vy.nguyen@gmail.com", "vy")] // a two-letter first name, alone beside the surname
    [InlineData("nguyen80@gmail.com", "dat")] // a surname alone: not told apart
    [InlineData("minh14@gmail.com", "dat")] // no surname at all
    [InlineData("darlene1943@gmail.com", "dalrene")] // "le" inside the first name, itself mistyped on the record
    public void A_mailbox_that_names_its_holder_is_personal(string address, string given) =>
        Assert.False(HouseholdMailbox.Is(address, [Holder(given, address.StartsWith("darlene", StringComparison.Ordinal) ? "le" : "nguyen")]));

    [Fact]
    public void A_two_letter_first_name_inside_another_word_does_not_name_the_holder() =>
        Assert.True(HouseholdMailbox.Is("thenguyenfamily@gmail.com", [Holder("ly", "nguyen")]));

    [Fact]
    public void Spanish_surnames_count_each_and_a_first_name_may_stand_beside_both()
    {
        Assert.True(HouseholdMailbox.Is("familiagarcia@gmail.com", [Holder("ana", "garcia lopez")]));
        Assert.True(HouseholdMailbox.Is("garcialopez@gmail.com", [Holder("ana", "garcia")]));
        Assert.False(HouseholdMailbox.Is("ana.garcia.lopez@gmail.com", [Holder("ana", "garcia")]));
        Assert.False(HouseholdMailbox.Is("garcialopez@gmail.com", [Holder("ana", "garcia lopez")])); // both surnames and nothing else
    }

    [Fact]
    public void One_holder_it_names_makes_it_personal_whatever_the_others_say()
    {
        // The same mailbox on a record written "SANCHEZ JOANNE" (swapped) and on one with the first name alone.
        Assert.False(HouseholdMailbox.Is("joanne951@gmail.com", [Holder("sanchez", "joanne"), Holder("joanne", null)]));
        Assert.False(HouseholdMailbox.Is("johnnguyen@gmail.com", [Holder("j", "nguyen")]));
    }
}
