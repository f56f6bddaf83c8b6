using ProfileHub.Core.Normalization;

namespace ProfileHub.Core.Tests.Normalization;

public class GivenNamesTests
{
    [Fact]
    public void The_table_holds_a_few_hundred_diminutives()
    {
        Assert.InRange(GivenNames.Entries.Count(e => e.Key != e.Value), 250, 1_000);
    }

    [Fact]
    public void Every_canonical_name_is_its_own_canonical_form()
    {
        Assert.All(GivenNames.Entries, entry => Assert.Equal(entry.Value, NameNormalizer.CanonicalGivenName(entry.Value)));
    }

    [Fact]
    public void Every_entry_is_already_in_normalized_form()
    {
        Assert.All(GivenNames.Entries, entry =>
        {
            Assert.Equal(entry.Key, NameNormalizer.Normalize(entry.Key));
            Assert.Equal(entry.Value, NameNormalizer.Normalize(entry.Value));
        });
    }

    [Theory]
    [InlineData("toni", "antonio", true)]
    [InlineData("toni", "antonia", true)]
    [InlineData("alex", "alejandro", true)]
    [InlineData("paqui", "francisca", true)]
    [InlineData("mamen", "maria carmen", true)]
    [InlineData("javi", "francisco javier", true)]
    [InlineData("carmen", "maria carmen", true)]
    [InlineData("maria carmen", "maria jose", false)]
    [InlineData("john", "joan", false)]
    [InlineData("lisa", "nguyen", false)]
    [InlineData("patty", "patricia", true)] // as well as Patrick's
    [InlineData("sam", "samantha", true)] // as well as Samuel's
    [InlineData("jon", "jonathan", true)]
    [InlineData("chris", "christine", true)]
    public void A_diminutive_may_name_every_name_it_stands_for(string x, string y, bool expected)
    {
        Assert.Equal(expected, GivenNames.MayBeOneName(x, y));
        Assert.Equal(expected, GivenNames.MayBeOneName(y, x));
    }

    [Theory]
    [InlineData("ptricia", "patty", true)] // a letter dropped from patricia
    [InlineData("jmimy", "james", true)] // two letters of jimmy swapped
    [InlineData("mkie", "michael", true)]
    [InlineData("mayt", "matthew", true)] // a letter of matt changed
    [InlineData("tomx", "thomas", true)] // a letter added to tom
    [InlineData("don", "daniel", true)] // one slip from dan: the caller asks only when one name is far rarer
    [InlineData("karen", "carmen", false)]
    [InlineData("xyz", "michael", false)]
    public void A_name_one_slip_from_a_form_of_the_other_may_be_it_mistyped(string typed, string name, bool expected) =>
        Assert.Equal(expected, GivenNames.MayBeMistypedOf(typed, name));

    [Theory]
    [InlineData('a', "anthony", "anthony", true)]
    [InlineData('t', "anthony", "anthony", true)] // Tony
    [InlineData('c', "kate", "katherine", true)] // Cathy, Catherine
    [InlineData('f', "nando", "fernando", true)]
    [InlineData('m', "anthony", "anthony", false)]
    [InlineData('q', "quang", "quang", true)] // a name the table does not know: its own initial only
    [InlineData('t', "quang", "quang", false)]
    public void An_initial_stands_for_the_name_its_formal_form_or_a_diminutive_of_it(char initial, string name, string canonical, bool expected) =>
        Assert.Equal(expected, GivenNames.MayBeInitialOf(initial, name, canonical));
}
