using ProfileHub.Core.Matching;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Matching;

/// <summary>
/// The identity-conflict guard, checked against the score of the conflicting pair itself: the thresholds
/// are placed around that score, so the tests hold whatever weights the model trains.
/// </summary>
public class ClusterStateTests
{
    /// <summary>
    /// x and y each share a contact with a bridge record, and conflict with each other on an identity.
    /// Returns whether x and y end in one profile after linking x-b then b-y, with the conflict tolerance
    /// and the link (upper) threshold placed at the given offsets from the x-y score.
    /// </summary>
    private static bool JoinedThroughBridge(MatchInput x, MatchInput bridge, MatchInput y, double toleranceOffset, double upperOffset)
    {
        var records = People.Background(100);
        records.AddRange([x, bridge, y]);
        var run = new Resolved(records).Run;
        var (ix, ib, iy) = (run.RecordCount - 3, run.RecordCount - 2, run.RecordCount - 1);
        var score = run.Scorer.Score(ix, iy, out _);
        var settings = run.Scorer.Settings with { ConflictTolerance = score + toleranceOffset, UpperThreshold = score + upperOffset };
        var scorer = new PairScorer(run.Table, run.Scorer.Model, run.Scorer.Frequencies, settings);
        var clusters = new ClusterState(run.Table, scorer);

        Assert.True(clusters.TryMerge(ix, ib, out var first), first);
        clusters.TryMerge(ib, iy, out _);
        return clusters.Find(ix) == clusters.Find(iy);
    }

    private static (MatchInput X, MatchInput Bridge, MatchInput Y) ShiftedBirthDate() =>
        (People.Record("x", "Theodore", "Morris", "t.m39@example.com", null, "1978-08-19"),
         People.Record("b", "Theodore", "Morris", "t.m39@example.com", "07700 900555"),
         People.Record("y", "Theodore", "Morris", null, "07700 900555", "1979-03-21"));

    [Fact]
    public void A_birth_date_conflict_is_tolerated_when_the_pair_itself_is_within_tolerance()
    {
        var (x, bridge, y) = ShiftedBirthDate();
        Assert.True(JoinedThroughBridge(x, bridge, y, toleranceOffset: -1, upperOffset: +1));
    }

    [Fact]
    public void A_birth_date_conflict_refuses_the_merge_when_the_pair_scores_below_tolerance()
    {
        var (x, bridge, y) = ShiftedBirthDate();
        Assert.False(JoinedThroughBridge(x, bridge, y, toleranceOffset: +0.5, upperOffset: +1));
    }

    [Fact]
    public void A_national_id_conflict_refuses_the_merge_unless_the_pair_itself_scores_as_a_match()
    {
        var x = People.Record("x", "Amelia", "Northcott", "amelia.n@example.com", nationalId: "QQ123456C");
        var bridge = People.Record("b", "Amelia", "Northcott", "amelia.n@example.com", "07700 900444");
        var y = People.Record("y", "Amelia", "Northcott", null, "07700 900444", nationalId: "AB987654D");

        Assert.False(JoinedThroughBridge(x, bridge, y, toleranceOffset: -1, upperOffset: +1));
    }
}
