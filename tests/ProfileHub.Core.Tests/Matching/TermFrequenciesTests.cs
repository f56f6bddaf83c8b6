using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Matching;

public class TermFrequenciesTests
{
    private const string Mailbox = "shared@example.com";

    /// <summary>Adds each (given, family) holder of <see cref="Mailbox"/> in order and says how many people hold it.</summary>
    private static int PeopleHolding(params (string Given, string? Family)[] holders)
    {
        var (table, frequencies) = Counted(holders, Mailbox);
        return frequencies.People(Comparison.Email, table.Pool.Intern(Mailbox));
    }

    /// <summary>Records of the (given, family) names, each giving <paramref name="mailbox"/> when there is one, counted in order.</summary>
    private static (FeatureTable Table, TermFrequencies Frequencies) Counted((string Given, string? Family)[] names, string? mailbox)
    {
        var table = new FeatureTable();
        var records = names.Select((h, i) =>
        {
            var record = new NormalizedRecord { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            FeatureExtractor.SetNames(record, h.Given, h.Family);
            if (mailbox is not null)
            {
                record.Emails.Add(mailbox);
            }

            return record;
        }).ToList();
        var frequencies = new TermFrequencies(table.Pool, NameWordRoles.Count(records));
        foreach (var record in records)
        {
            frequencies.Add(in table[table.Add(record)]);
        }

        frequencies.Complete();
        return (table, frequencies);
    }

    [Fact]
    public void A_misspelt_nickname_is_the_same_holder_through_the_nickname_in_any_order()
    {
        Assert.Equal(1, PeopleHolding(("robert", "pham"), ("boby", "pham"), ("bob", "pham")));
        Assert.Equal(1, PeopleHolding(("boby", "pham"), ("robert", "pham"), ("bob", "pham")));
    }

    [Fact]
    public void Names_entered_the_wrong_way_round_with_an_initial_are_the_same_holder()
    {
        Assert.Equal(1, PeopleHolding(("pamela", "nguyen"), ("nguyen", "p")));
    }

    [Fact]
    public void An_initial_does_not_bridge_two_members_of_a_household()
    {
        Assert.Equal(2, PeopleHolding(("mary", "kowalski"), ("m", "kowalski"), ("michael", "kowalski")));
        Assert.Equal(2, PeopleHolding(("m", "kowalski"), ("michael", "kowalski"), ("mary", "kowalski")));
    }

    [Fact]
    public void An_initial_may_be_of_the_formal_name_behind_a_nickname()
    {
        Assert.Equal(1, PeopleHolding(("nando", "ruiz"), ("f", "ruiz")));
    }

    [Fact]
    public void An_initial_no_holder_fits_is_one_more_person()
    {
        Assert.Equal(2, PeopleHolding(("mary", "kowalski"), ("j", "kowalski")));
    }

    /// <summary>Whether the first two of the (given, family) records could be one person, with the rest counted as background.</summary>
    private static bool CouldBeOnePerson(params (string Given, string? Family)[] names)
    {
        var (table, frequencies) = Counted(names, mailbox: null);
        return frequencies.CouldBeOnePerson(in table[0], in table[1]);
    }

    [Fact]
    public void A_first_name_with_a_middle_name_is_one_person_with_a_slip_of_its_first_word()
    {
        (string, string?)[] brads = [("brad", "nolan"), ("brad", "nolan"), ("brad", "nolan"), ("brad", "nolan"), ("brad", "nolan")];
        Assert.True(CouldBeOnePerson([("brad joseph", "nolan"), ("bvad", "nolan"), .. brads]));
        Assert.False(CouldBeOnePerson([("maria jose", "ruiz"), ("maria carmen", "ruiz"), ("maria", "ruiz")]));
    }
}
