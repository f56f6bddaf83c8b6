using ProfileHub.Core.Matching;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Matching;

public class BlockingKeysTests
{
    /// <summary>The passes under which the two records share a blocking key (so become a candidate pair).</summary>
    private static HashSet<BlockingPass> SharedPasses(MatchInput a, MatchInput b)
    {
        var table = new FeatureTable();
        table.Add(FeatureExtractor.Extract(a, MatchSettings.Default));
        table.Add(FeatureExtractor.Extract(b, MatchSettings.Default));
        var left = new List<ulong>();
        var right = new List<ulong>();
        BlockingKeys.Collect(table, 0, left);
        BlockingKeys.Collect(table, 1, right);
        return [.. left.Intersect(right).Select(BlockingKeys.PassOf)];
    }

    [Fact]
    public void Names_entered_the_wrong_way_round_block_together() =>
        Assert.Contains(BlockingPass.NameCodes, SharedPasses(People.Record("a", "Danielle", "Zehetner"), People.Record("b", "Zehetner", "Danielle")));

    [Fact]
    public void A_swapped_given_name_with_a_canonical_form_still_blocks_with_its_surname_slot() =>
        Assert.Contains(BlockingPass.NameCodes, SharedPasses(People.Record("a", "Alfie", "Kelly"), People.Record("b", "Kelly", "Alfie")));

    [Fact]
    public void A_first_name_with_a_middle_name_blocks_with_the_first_name_alone() =>
        Assert.Contains(BlockingPass.NameCodes, SharedPasses(People.Record("a", "James John", "Baumbach"), People.Record("b", "James", "Baumbach")));

    [Fact]
    public void A_first_name_found_in_the_other_records_surname_field_blocks_with_the_postcode()
    {
        var shared = SharedPasses(
            People.Record("a", "Toby", null, postcode: "2515"),
            People.Record("b", "Dreckow", "Toby", postcode: "2515"));

        Assert.Contains(BlockingPass.NameCodeAndPostalCode, shared);
    }

    [Fact]
    public void The_same_street_address_blocks_together_despite_a_mistyped_postcode_and_city()
    {
        var shared = SharedPasses(
            People.Record("a", "Kody", "White", street: "245 Duncan St", city: "Thornlie", postcode: "2673"),
            People.Record("b", "Lillianna", "White", street: "245 Duncan St", city: "Queenscliff", postcode: "2763"));

        Assert.Contains(BlockingPass.StreetAndStreetNumber, shared);
    }

    [Fact]
    public void A_record_keys_each_value_once_even_when_both_names_are_the_same()
    {
        var table = new FeatureTable();
        table.Add(FeatureExtractor.Extract(People.Record("a", "Thomas", "Thomas", postcode: "2000"), MatchSettings.Default));
        var keys = new List<ulong>();
        BlockingKeys.Collect(table, 0, keys);

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void People_sharing_only_a_common_first_name_do_not_block_together() =>
        Assert.Empty(SharedPasses(
            People.Record("a", "John", "Smith", "john.smith@example.com", postcode: "2000", city: "Sydney"),
            People.Record("b", "John", "Brown", "jbrown@example.net", postcode: "3000", city: "Melbourne")));
}
