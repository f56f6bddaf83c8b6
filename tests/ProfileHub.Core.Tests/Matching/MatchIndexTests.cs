using ProfileHub.Core.Matching;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Matching;

public class MatchIndexTests
{
    [Fact]
    public void Incremental_resolve_one_record_at_a_time_gives_the_batch_clusters()
    {
        var records = People.Background(250, seed: 3);
        records.Add(People.Record("m1", "Karen", "Whitlock", null, "01632 960001", "1968-04-02", "9 Elm Row", "Bath", "BA1 1AA"));
        records.Add(People.Record("m2", "Carmen", "Whitlock", null, "01632 960001", null, "9 Elm Row", "Bath", "BA1 1AA"));
        var batch = new Resolved(records);

        var index = MatchIndex.Empty(batch.Run);
        var assignments = records.Select(r => (r.Id, index.Resolve(r))).ToList();
        var final = assignments.Select((a, i) => (a.Id, index.ProfileIdOf(i)));

        Assert.Equal(People.Partition(batch.Assignments), People.Partition(final));
    }

    [Fact]
    public void A_new_record_joins_its_existing_profile_with_an_explained_link()
    {
        var records = People.Background(200, seed: 4);
        records.Add(People.Record("known", "Theo", "Sinclair", "theo.sinclair@example.com", "07700 900777", "1988-09-09"));
        var index = MatchIndex.FromRun(new Resolved(records).Run);

        var decision = index.Resolve(People.Record("new", "Theo", "Sinclair", "Theo.Sinclair@example.com", null, "09/09/1988"));
        var stranger = index.Resolve(People.Record("stranger", "Zed", "Nobody", "zed@nowhere.example"));

        Assert.True(decision.JoinedExistingProfile);
        Assert.Equal(ProfileId.For("known"), decision.ProfileId);
        var link = Assert.Single(decision.Links, l => l.Decision == MatchDecision.Linked);
        Assert.Contains(link.Contributions, c => c.Comparison == Comparison.Email && c.Level == "exact");
        Assert.False(stranger.JoinedExistingProfile);
        Assert.Equal(ProfileId.For("stranger"), stranger.ProfileId);
    }
}
