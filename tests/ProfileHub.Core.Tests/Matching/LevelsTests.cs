using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Matching;

public class LevelsTests
{
    public static TheoryData<Comparison, int, string> NamedLevels => new()
    {
        { Comparison.GivenName, Levels.Missing, "missing" },
        { Comparison.GivenName, Levels.GivenName.Exact, "exact" },
        { Comparison.GivenName, Levels.GivenName.Nickname, "nickname" },
        { Comparison.GivenName, Levels.GivenName.VerySimilar, "very similar" },
        { Comparison.GivenName, Levels.GivenName.Similar, "similar" },
        { Comparison.GivenName, Levels.GivenName.Initial, "initial" },
        { Comparison.GivenName, Levels.GivenName.Different, "different" },
        { Comparison.FamilyName, Levels.FamilyName.Exact, "exact" },
        { Comparison.FamilyName, Levels.FamilyName.OneOfTwo, "one of two surnames" },
        { Comparison.FamilyName, Levels.FamilyName.VerySimilar, "very similar" },
        { Comparison.FamilyName, Levels.FamilyName.Similar, "similar" },
        { Comparison.FamilyName, Levels.FamilyName.Different, "different" },
        { Comparison.BirthDate, Levels.BirthDate.Exact, "exact" },
        { Comparison.BirthDate, Levels.BirthDate.OneTypo, "one typo apart" },
        { Comparison.BirthDate, Levels.BirthDate.DayMonthSwapped, "day and month swapped" },
        { Comparison.BirthDate, Levels.BirthDate.WithinMonth, "within a month" },
        { Comparison.BirthDate, Levels.BirthDate.TwoTypos, "two typos apart" },
        { Comparison.BirthDate, Levels.BirthDate.WithinYear, "within a year" },
        { Comparison.BirthDate, Levels.BirthDate.WithinTenYears, "within ten years" },
        { Comparison.BirthDate, Levels.BirthDate.Different, "different" },
        { Comparison.Email, Levels.Email.Exact, "exact" },
        { Comparison.Email, Levels.Email.SameGmailAccount, "same Gmail account" },
        { Comparison.Email, Levels.Email.SimilarMailbox, "similar mailbox" },
        { Comparison.Email, Levels.Email.NameElsewhere, "same mailbox name elsewhere" },
        { Comparison.Email, Levels.Email.Different, "different" },
        { Comparison.Phone, Levels.Phone.Exact, "exact" },
        { Comparison.Phone, Levels.Phone.OneDigitApart, "one digit apart" },
        { Comparison.Phone, Levels.Phone.Different, "different" },
        { Comparison.Address, Levels.Address.Same, "same" },
        { Comparison.Address, Levels.Address.NumberMissing, "same street, number missing" },
        { Comparison.Address, Levels.Address.SameNumberSimilarStreet, "same number, similar street" },
        { Comparison.Address, Levels.Address.SameStreetDifferentNumber, "same street, different number" },
        { Comparison.Address, Levels.Address.Different, "different" },
        { Comparison.City, Levels.City.Exact, "exact" },
        { Comparison.City, Levels.City.Similar, "similar" },
        { Comparison.City, Levels.City.Different, "different" },
        { Comparison.PostalCode, Levels.PostalCode.Exact, "exact" },
        { Comparison.PostalCode, Levels.PostalCode.OneTypoApart, "one typo apart" },
        { Comparison.PostalCode, Levels.PostalCode.SameDistrict, "same district" },
        { Comparison.PostalCode, Levels.PostalCode.Different, "different" },
        { Comparison.NationalId, Levels.OneTypo.Exact, "exact" },
        { Comparison.NationalId, Levels.OneTypo.OneTypoApart, "one typo apart" },
        { Comparison.NationalId, Levels.OneTypo.Different, "different" },
        { Comparison.LoyaltyId, Levels.SameOrNot.Same, "exact" },
        { Comparison.LoyaltyId, Levels.SameOrNot.Different, "different" },
        { Comparison.ExternalId, Levels.SameOrNot.Same, "exact" },
        { Comparison.ExternalId, Levels.SameOrNot.Different, "different" },
        { Comparison.SocialHandle, Levels.SameOrNot.Same, "exact" },
        { Comparison.SocialHandle, Levels.SameOrNot.Different, "different" },
        { Comparison.Gender, Levels.SameOrNot.Same, "same" },
        { Comparison.Gender, Levels.SameOrNot.Different, "different" },
    };

    [Theory]
    [MemberData(nameof(NamedLevels))]
    public void A_named_level_is_the_index_of_its_label(Comparison comparison, int level, string label)
    {
        Assert.Equal(label, Comparisons.Get(comparison).Levels[level]);
    }

    [Fact]
    public void Every_label_of_every_comparison_has_a_named_level()
    {
        var named = NamedLevels.Select(row => ((Comparison)row[0], (int)row[1])).ToHashSet();

        foreach (var definition in Comparisons.All)
        {
            for (var level = 1; level < definition.LevelCount; level++)
            {
                Assert.Contains((definition.Comparison, level), named);
            }
        }
    }
}
