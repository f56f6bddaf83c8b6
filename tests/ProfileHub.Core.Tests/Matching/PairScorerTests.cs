using System.Globalization;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Matching;

public class PairScorerTests
{
    [Fact]
    public void A_shared_rare_surname_counts_more_than_a_shared_common_one()
    {
        var records = People.Background(150);
        for (var i = 0; i < 40; i++)
        {
            records.Add(People.Record("smith-" + i.ToString(CultureInfo.InvariantCulture), "person" + i.ToString(CultureInfo.InvariantCulture), "smith"));
        }

        records.Add(People.Record("common-a", "oliver", "smith", birthDate: "1980-03-04"));
        records.Add(People.Record("common-b", "oliver", "smith", birthDate: "1980-03-04"));
        records.Add(People.Record("rare-a", "oliver", "zebedee", birthDate: "1980-03-04"));
        records.Add(People.Record("rare-b", "oliver", "zebedee", birthDate: "1980-03-04"));
        var run = new Resolved(records).Run;

        var common = Weight(run, "common-a", "common-b", Comparison.FamilyName);
        var rare = Weight(run, "rare-a", "rare-b", Comparison.FamilyName);

        Assert.True(rare > common + 3, $"rare surname {rare} should outweigh common {common}");
    }

    [Fact]
    public void The_explanation_lists_every_comparison_and_adds_up_to_the_total()
    {
        var records = People.Background(150);
        records.Add(People.Record("x-1", "Oliver", "Pemberton", "oliver.p@example.net", "07700 900999", "1984-02-11", "12 Acacia Avenue", "Leeds", "LS1 4AP"));
        records.Add(People.Record("x-2", "Olly", "Pemberton", "oliver.p@example.net", null, "11/02/1984", null, "Leeds", null));
        var resolved = new Resolved(records);

        var explanation = resolved.Explanation("x-1", "x-2");

        Assert.Equal(MatchDecision.Linked, explanation.Decision);
        Assert.Equal(Comparisons.Count, explanation.Contributions.Count);
        Assert.Equal(explanation.TotalWeight, explanation.PriorWeight + explanation.Contributions.Sum(c => c.Weight), 0.01);
        var email = explanation.Contributions.Single(c => c.Comparison == Comparison.Email);
        Assert.Equal("exact", email.Level);
        Assert.True(email.Weight > 5, explanation.Summary() + " | " + email.Note);
        Assert.Equal("oliver.p@example.net", email.LeftValue);
        Assert.Equal("missing", explanation.Contributions.Single(c => c.Comparison == Comparison.Phone).Level);
        Assert.Contains("email exact", explanation.Summary(), StringComparison.Ordinal);
        Assert.InRange(explanation.Probability, 0.99, 1.0);
    }

    private static double Weight(MatchRun run, string left, string right, Comparison comparison)
    {
        var ids = Enumerable.Range(0, run.RecordCount).ToDictionary(run.Table.RecordId, i => i, StringComparer.Ordinal);
        return run.Scorer.Explain(ids[left], ids[right], MatchDecision.Apart, null).Contributions.Single(c => c.Comparison == comparison).Weight;
    }

    [Fact]
    public void The_explanation_of_swapped_names_shows_the_values_each_name_was_compared_with()
    {
        var records = People.Background(150);
        records.Add(People.Record("s-1", "Danielle", "Zehetner", "d.zehetner@example.net", null, "1932-11-29"));
        records.Add(People.Record("s-2", "Zehetner", "Danielle", "d.zehetner@example.net", null, "1932-11-29"));

        var explanation = new Resolved(records).Explanation("s-1", "s-2");
        var given = explanation.Contributions.Single(c => c.Comparison == Comparison.GivenName);

        Assert.Equal("exact", given.Level);
        Assert.Equal(given.LeftValue, given.RightValue);
        Assert.Contains("wrong way round", given.Note, StringComparison.Ordinal);
    }
}
