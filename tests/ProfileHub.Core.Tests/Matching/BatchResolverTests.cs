using System.Globalization;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Matching;

public class BatchResolverTests
{
    private static readonly string[] WalkInGiven =
        ["adam", "beatrice", "callum", "daphne", "edwin", "fiona", "gareth", "hannah", "ian", "julia", "kieran", "laura",
         "martin", "nadia", "owen", "priya", "quentin", "rosa", "simon", "tara", "umar", "violet", "walter", "yasmin"];

    private static readonly string[] WalkInFamily = ["ashdown", "brackley", "cresswell"];

    [Fact]
    public void Resolve_links_the_same_person_across_channels_despite_typos_and_nicknames()
    {
        var records = People.Background(200);
        records.Add(People.Record("web", "Robert", "Castellano", "rob.castellano@gmail.com", null, null));
        records.Add(People.Record("shop", "Bob", "Castelano", "robcastellano+receipts@gmail.com", "07700 900555", "1979-08-30", "4 Mill Lane", "York", "YO1 7HH"));
        records.Add(People.Record("loyalty", "Robert", "Castellano", null, "+44 7700 900555", "30/08/1979", "4 Mill Lane", "York", "YO1 7HH"));

        var resolved = new Resolved(records);

        Assert.True(resolved.Together("web", "shop"));
        Assert.True(resolved.Together("shop", "loyalty"));
    }

    [Fact]
    public void Resolve_records_sharing_a_junk_email_stay_apart()
    {
        var records = People.Background(200);
        for (var i = 0; i < 60; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            records.Add(People.Record("junk-" + n, "first" + n, "last" + n, "test@test.com"));
        }

        var resolved = new Resolved(records);

        Assert.False(resolved.Together("junk-1", "junk-2"));
        Assert.Equal(1, resolved.Run.Clusters.SizeOf(Array.IndexOf(Enumerable.Range(0, resolved.Run.RecordCount).Select(resolved.Run.Table.RecordId).ToArray(), "junk-7")));
    }

    [Fact]
    public void Resolve_records_sharing_a_shop_phone_stay_apart()
    {
        var records = People.Background(200);
        for (var i = 0; i < 60; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            records.Add(People.Record("walkin-" + n, WalkInGiven[i % WalkInGiven.Length], WalkInFamily[i / WalkInGiven.Length], phone: "020 7946 0000", city: "london"));
        }

        var resolved = new Resolved(records);

        Assert.False(resolved.Together("walkin-1", "walkin-2"));
    }

    [Fact]
    public void Resolve_household_members_sharing_a_phone_and_address_stay_apart()
    {
        var records = People.Background(200);
        records.Add(People.Record("mum", "Karen", "Whitlock", null, "01632 960001", "1968-04-02", "9 Elm Row", "Bath", "BA1 1AA"));
        records.Add(People.Record("daughter", "Carmen", "Whitlock", null, "01632 960001", null, "9 Elm Row", "Bath", "BA1 1AA"));
        records.Add(People.Record("son", "George", "Whitlock", "george.w@example.com", "01632 960001", "1999-12-12", "9 Elm Row", "Bath", "BA1 1AA"));

        var resolved = new Resolved(records);

        Assert.False(resolved.Together("mum", "daughter"));
        Assert.False(resolved.Together("mum", "son"));
        Assert.False(resolved.Together("daughter", "son"));
    }

    [Fact]
    public void Resolve_a_chain_through_a_shared_phone_does_not_join_different_birth_dates()
    {
        var records = People.Background(200);
        records.Add(People.Record("a", "Oliver", "Hollis", "oliver.hollis@example.com", null, "1980-01-01"));
        records.Add(People.Record("b", "Oliver", "Hollis", "oliver.hollis@example.com", "07700 900321", null));
        records.Add(People.Record("c", "Oliver", "Hollis", null, "07700 900321", "1992-07-19"));

        var resolved = new Resolved(records);

        Assert.False(resolved.Together("a", "c"));
        Assert.True(resolved.Together("a", "b") || resolved.Together("b", "c"));
    }

    [Fact]
    public void Resolve_joins_a_duplicate_whose_birth_date_was_shifted_by_a_few_months()
    {
        var records = People.Background(200);
        records.Add(People.Record("t1", "Theodore", "Morris", "t.m39@brooks-sawyer.com", null, "1978-08-19", city: "Ely"));
        records.Add(People.Record("t2", "Theodore", "Morris", "t.m39@brooks-sawyer.com", "07700 900555", null));
        records.Add(People.Record("t3", "Theodore", "Morris", null, "07700 900555", "1979-03-21", city: "Ely"));

        var resolved = new Resolved(records);

        // Seven months apart is "within a year", not "different": with the names and city agreeing it is
        // no identity conflict, so t1 and t3 share a profile whether linked directly or through t2.
        Assert.True(resolved.Together("t1", "t3"));
    }

    [Fact]
    public void Resolve_two_people_sharing_a_common_name_and_city_stay_apart()
    {
        var records = People.Background(200);
        records.Add(People.Record("s1", "Oliver", "Sinclair", "oliver.s@example.com", null, "1961-02-11", city: "London"));
        records.Add(People.Record("s2", "Oliver", "Sinclair", "o.sinclair@example.net", null, "1987-09-30", city: "London"));

        Assert.False(new Resolved(records).Together("s1", "s2"));
    }

    [Fact]
    public void Resolve_a_chain_through_shared_contacts_does_not_join_different_national_ids()
    {
        var records = People.Background(200);
        records.Add(People.Record("n1", "Amelia", "Northcott", "amelia.n@example.com", null, null, nationalId: "QQ123456C"));
        records.Add(People.Record("n2", "Amelia", "Northcott", "amelia.n@example.com", "07700 900444", null));
        records.Add(People.Record("n3", "Amelia", "Northcott", null, "07700 900444", null, nationalId: "AB987654D"));

        var resolved = new Resolved(records);

        Assert.False(resolved.Together("n1", "n3"));
    }

    [Fact]
    public void Different_national_ids_weigh_against_a_direct_match()
    {
        var records = People.Background(200);
        records.Add(People.Record("n1", "Amelia", "Northcott", null, null, "1975-05-05", "3 High St", "Ely", "CB7 4AA", "QQ123456C"));
        records.Add(People.Record("n2", "Amelia", "Northcott", null, null, "1975-05-05", "3 High St", "Ely", "CB7 4AA", "AB987654D"));

        var national = new Resolved(records).Explanation("n1", "n2").Contributions.Single(c => c.Comparison == Comparison.NationalId);

        Assert.Equal("different", national.Level);
        Assert.True(national.Weight < -2, $"weight {national.Weight}");
    }

    [Fact]
    public void Resolve_honours_a_stewards_cannot_link_and_must_link()
    {
        var records = People.Background(200);
        records.Add(People.Record("twin-1", "Ivy", "Okafor", "ivy.okafor@example.com", null, "1990-01-01"));
        records.Add(People.Record("twin-2", "Ivy", "Okafor", "ivy.okafor@example.com", null, "1990-01-01"));
        records.Add(People.Record("old-name", "Ruby", "Quinlan", null, null, null));
        records.Add(People.Record("new-name", "Ruby", "Montague", null, null, null));
        Assert.True(new Resolved(records).Together("twin-1", "twin-2"));

        var constraints = new StewardConstraints();
        constraints.CannotLink.Add(("twin-1", "twin-2"));
        constraints.MustLink.Add(("old-name", "new-name"));
        var resolved = new Resolved(records, constraints);

        Assert.False(resolved.Together("twin-1", "twin-2"));
        Assert.True(resolved.Together("old-name", "new-name"));
        Assert.Equal(MatchDecision.Refused, resolved.Explanation("twin-1", "twin-2").Decision);
    }

    [Fact]
    public void Resolve_is_deterministic()
    {
        var records = People.Background(300, seed: 9);
        var first = new Resolved(records).Run.ProfileIds();
        var second = new Resolved(records, settings: MatchSettings.Default with { MaxDegreeOfParallelism = 1 }).Run.ProfileIds();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Resolve_reports_blocking_that_compares_a_tiny_fraction_of_pairs()
    {
        // The test population draws from 24 given and 24 family names in one city, so name blocks are
        // crowded; on the labelled datasets the ratio is above 0.998.
        var run = new Resolved(People.Background(400)).Run;

        Assert.True(run.Blocking.ReductionRatio > 0.9, $"reduction ratio {run.Blocking.ReductionRatio}");
        Assert.Contains(run.Blocking.Passes, p => p.Pass == BlockingPass.Email && p.Pairs > 0);
    }
}
