using ProfileHub.Core.Matching;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Matching;

public class SeededMatchIndexTests
{
    private static readonly MatchSettings Settings = MatchSettings.Default with { MaxDegreeOfParallelism = 2 };

    [Fact]
    public void Records_resolved_against_seeded_profiles_give_the_batch_clusters()
    {
        var records = People.Background(200, seed: 6);
        var batch = new Resolved(records);
        var held = records.Count - 40;
        var seeded = records.Take(held).Select(Extract).ToList();
        var incoming = records.Skip(held).Select(Extract).ToList();
        var seededBatch = new Resolved(records.Take(held).ToList());
        var profileOf = Enumerable.Range(0, held).Select(i => (long)seededBatch.Run.ProfileOf(i)).ToList();

        var index = new SeededMatchIndex(seeded, profileOf, incoming, batch.Run.Scorer.Model, Settings, new StewardConstraints());
        index.ResolveAll(incoming);

        var final = Enumerable.Range(0, index.Count).Select(i => (index.RecordId(i), index.ProfileOf(i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(People.Partition(batch.Assignments), People.Partition(final));
    }

    [Fact]
    public void A_cannot_link_keeps_an_incoming_record_out_of_its_best_match()
    {
        var records = People.Background(150, seed: 7);
        records.Add(People.Record("known", "Theo", "Sinclair", "theo.sinclair@example.com", "07700 900777", "1988-09-09"));
        var batch = new Resolved(records);
        var constraints = new StewardConstraints();
        constraints.CannotLink.Add(("known", "new"));
        var incoming = new List<NormalizedRecord> { Extract(People.Record("new", "Theo", "Sinclair", "theo.sinclair@example.com", null, "09/09/1988")) };

        var index = new SeededMatchIndex(
            [.. records.Select(Extract)], [.. Enumerable.Range(0, records.Count).Select(i => (long)batch.Run.ProfileOf(i))], incoming, batch.Run.Scorer.Model, Settings, constraints);
        var decision = Assert.Single(index.ResolveAll(incoming));

        Assert.False(decision.JoinedExistingProfile);
        Assert.Contains(decision.Links, l => l.Decision == MatchDecision.Refused);
        Assert.NotEqual(index.ProfileOf(records.Count - 1), index.ProfileOf(records.Count));
    }

    private static NormalizedRecord Extract(MatchInput record) => FeatureExtractor.Extract(record, Settings);
}
