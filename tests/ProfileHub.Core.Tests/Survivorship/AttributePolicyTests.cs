using ProfileHub.Core.Survivorship;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Survivorship;

public class AttributePolicyTests
{
    private static AttributePolicy Chain(params SurvivorshipRule[] rules) => new("BirthDate", rules);

    [Fact]
    public void Source_trust_picks_the_most_trusted_source()
    {
        var result = Chain(SurvivorshipRule.SourceTrust).Survive(
        [
            Candidate.Of("1990-02-03", "r1", trust: 40),
            Candidate.Of("1990-03-02", "r2", trust: 90),
        ]);

        Assert.Equal("1990-03-02", result.Survivor?.Value);
        Assert.Equal(SurvivorshipDecision.SourceTrust, result.Survivor?.Lineage.DecidedBy);
        Assert.Equal("r2", result.Survivor?.Lineage.SourceRecordId);
    }

    [Fact]
    public void Most_recent_picks_the_latest_observation()
    {
        var result = Chain(SurvivorshipRule.MostRecent).Survive(
        [
            Candidate.Of("old street", "r1", daysAfterEpoch: 1),
            Candidate.Of("new street", "r2", daysAfterEpoch: 30),
            Candidate.Of("middle street", "r3", daysAfterEpoch: 10),
        ]);

        Assert.Equal("new street", result.Survivor?.Value);
        Assert.Equal(SurvivorshipDecision.MostRecent, result.Survivor?.Lineage.DecidedBy);
        Assert.Equal(Candidate.Epoch.AddDays(30), result.Survivor?.Lineage.ObservedAt);
    }

    [Fact]
    public void Most_frequent_picks_the_value_most_candidates_carry()
    {
        var result = Chain(SurvivorshipRule.MostFrequent).Survive(
        [
            Candidate.Of("smith", "r1"),
            Candidate.Of("smyth", "r2"),
            Candidate.Of("smith", "r3"),
        ]);

        Assert.Equal("smith", result.Survivor?.Value);
        Assert.Equal(SurvivorshipDecision.MostFrequent, result.Survivor?.Lineage.DecidedBy);
        Assert.Equal("r1", result.Survivor?.Lineage.SourceRecordId);
    }

    [Fact]
    public void Most_complete_picks_the_highest_completeness()
    {
        var result = Chain(SurvivorshipRule.MostComplete).Survive(
        [
            Candidate.Of("j", "r1", completeness: 0.2),
            Candidate.Of("john", "r2", completeness: 0.9),
        ]);

        Assert.Equal("john", result.Survivor?.Value);
        Assert.Equal(SurvivorshipDecision.MostComplete, result.Survivor?.Lineage.DecidedBy);
    }

    [Fact]
    public void A_tie_is_broken_by_the_next_rule_in_the_chain()
    {
        var result = Chain(SurvivorshipRule.SourceTrust, SurvivorshipRule.MostRecent).Survive(
        [
            Candidate.Of("a", "r1", trust: 80, daysAfterEpoch: 5),
            Candidate.Of("b", "r2", trust: 80, daysAfterEpoch: 9),
            Candidate.Of("c", "r3", trust: 20, daysAfterEpoch: 50),
        ]);

        Assert.Equal("b", result.Survivor?.Value);
        Assert.Equal(SurvivorshipDecision.MostRecent, result.Survivor?.Lineage.DecidedBy);
    }

    [Fact]
    public void When_every_rule_ties_the_lowest_source_record_id_decides()
    {
        var result = Chain(SurvivorshipRule.SourceTrust, SurvivorshipRule.MostRecent).Survive(
        [
            Candidate.Of("b", "rec-2"),
            Candidate.Of("a", "rec-1"),
        ]);

        Assert.Equal("a", result.Survivor?.Value);
        Assert.Equal(SurvivorshipDecision.SourceRecordId, result.Survivor?.Lineage.DecidedBy);
    }

    [Fact]
    public void The_result_does_not_depend_on_candidate_order()
    {
        var candidates = new[]
        {
            Candidate.Of("a", "r3", trust: 70, daysAfterEpoch: 2),
            Candidate.Of("b", "r1", trust: 70, daysAfterEpoch: 2),
            Candidate.Of("c", "r2", trust: 70, daysAfterEpoch: 2),
            Candidate.Of("d", "r4", trust: 10, daysAfterEpoch: 9),
        };
        var policy = Chain(SurvivorshipRule.SourceTrust, SurvivorshipRule.MostRecent);

        var forward = policy.Survive(candidates);
        var backward = policy.Survive(candidates.Reverse().ToArray());

        Assert.Equal("b", forward.Survivor?.Value);
        Assert.Equal(forward.Survivor, backward.Survivor);
    }

    [Fact]
    public void Equally_trusted_sources_that_disagree_are_a_conflict()
    {
        var result = Chain(SurvivorshipRule.SourceTrust, SurvivorshipRule.MostRecent).Survive(
        [
            Candidate.Of("1990-02-03", "crm-1", trust: 80, daysAfterEpoch: 1),
            Candidate.Of("1990-03-02", "shop-7", trust: 80, daysAfterEpoch: 2),
            Candidate.Of("1985-01-01", "form-3", trust: 30, daysAfterEpoch: 9),
        ]);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("BirthDate", conflict.Attribute);
        Assert.Equal(80, conflict.SourceTrust);
        Assert.Equal(["1990-03-02", "1990-02-03"], conflict.Values);
        Assert.True(result.HasConflict);
        Assert.Equal("1990-03-02", result.Survivor?.Value);
    }

    [Fact]
    public void Equally_trusted_sources_that_agree_are_not_a_conflict()
    {
        var result = Chain(SurvivorshipRule.SourceTrust).Survive(
        [
            Candidate.Of("smith", "r1", trust: 80),
            Candidate.Of("smith", "r2", trust: 80),
            Candidate.Of("jones", "r3", trust: 60),
        ]);

        Assert.Empty(result.Conflicts);
        Assert.Equal(SurvivorshipDecision.SourceTrust, result.Survivor?.Lineage.DecidedBy);
    }

    [Fact]
    public void Disagreement_below_the_top_trust_is_not_a_conflict()
    {
        var result = Chain(SurvivorshipRule.SourceTrust).Survive(
        [
            Candidate.Of("smith", "r1", trust: 90),
            Candidate.Of("jones", "r2", trust: 40),
            Candidate.Of("brown", "r3", trust: 40),
        ]);

        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void Disagreement_decided_before_source_trust_is_reached_is_not_a_conflict()
    {
        var result = Chain(SurvivorshipRule.MostRecent, SurvivorshipRule.SourceTrust).Survive(
        [
            Candidate.Of("a", "r1", trust: 80, daysAfterEpoch: 1),
            Candidate.Of("b", "r2", trust: 80, daysAfterEpoch: 2),
        ]);

        Assert.Empty(result.Conflicts);
        Assert.Equal("b", result.Survivor?.Value);
    }

    [Fact]
    public void Source_trust_later_in_the_chain_reports_a_conflict_among_the_candidates_still_tied()
    {
        var result = Chain(SurvivorshipRule.MostFrequent, SurvivorshipRule.SourceTrust).Survive(
        [
            Candidate.Of("a", "r1", trust: 60),
            Candidate.Of("b", "r2", trust: 60),
            Candidate.Of("c", "r3", trust: 99),
            Candidate.Of("a", "r4", trust: 10),
            Candidate.Of("b", "r5", trust: 10),
        ]);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(["a", "b"], conflict.Values);
        Assert.Equal(SurvivorshipDecision.SourceRecordId, result.Survivor?.Lineage.DecidedBy);
    }

    [Fact]
    public void A_steward_pin_always_wins_and_is_cited_from_its_record()
    {
        var pin = new StewardPin("1985-01-01", "steward@example.com", Candidate.Epoch.AddDays(100), "form-3");

        var result = Chain(SurvivorshipRule.SourceTrust).Survive(
        [
            Candidate.Of("1990-02-03", "crm-1", trust: 95),
            Candidate.Of("1985-01-01", "form-3", trust: 5, source: "lead-form"),
        ], pin);

        Assert.Equal("1985-01-01", result.Survivor?.Value);
        Assert.Equal(new Lineage("form-3", "lead-form", Candidate.Epoch, SurvivorshipDecision.StewardPin, Pinned: true), result.Survivor?.Lineage);
        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void A_pin_silences_a_conflict()
    {
        var pin = new StewardPin("b", "steward", Candidate.Epoch);

        var result = Chain(SurvivorshipRule.SourceTrust).Survive(
        [
            Candidate.Of("a", "r1", trust: 80),
            Candidate.Of("b", "r2", trust: 80),
        ], pin);

        Assert.Empty(result.Conflicts);
        Assert.True(result.Survivor?.Lineage.Pinned);
    }

    [Fact]
    public void A_pinned_value_no_source_carries_cites_the_steward()
    {
        var pin = new StewardPin("o'brien", "alice", Candidate.Epoch.AddDays(3));

        var result = Chain(SurvivorshipRule.SourceTrust).Survive([Candidate.Of("obrien", "r1")], pin);

        Assert.Equal("o'brien", result.Survivor?.Value);
        Assert.Equal(new Lineage("steward:alice", "steward", Candidate.Epoch.AddDays(3), SurvivorshipDecision.StewardPin, Pinned: true), result.Survivor?.Lineage);
    }

    [Fact]
    public void Candidates_that_all_agree_are_unanimous()
    {
        var result = Chain(SurvivorshipRule.SourceTrust).Survive(
        [
            Candidate.Of("smith", "r1", trust: 20),
            Candidate.Of("smith", "r2", trust: 70),
        ]);

        Assert.Equal(SurvivorshipDecision.Unanimous, result.Survivor?.Lineage.DecidedBy);
        Assert.Equal("r2", result.Survivor?.Lineage.SourceRecordId);
    }

    [Fact]
    public void Blank_values_never_survive()
    {
        var result = Chain(SurvivorshipRule.SourceTrust).Survive(
        [
            Candidate.Of("  ", "r1", trust: 100),
            Candidate.Of("", "r2", trust: 100),
            Candidate.Of("smith", "r3", trust: 1),
        ]);

        Assert.Equal("smith", result.Survivor?.Value);
    }

    [Fact]
    public void No_candidates_survive_nothing()
    {
        var result = Chain(SurvivorshipRule.SourceTrust).Survive([]);

        Assert.Null(result.Survivor);
        Assert.Empty(result.Values);
        Assert.Empty(result.Conflicts);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Trust_outside_zero_to_one_hundred_is_rejected(int trust)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Chain(SurvivorshipRule.SourceTrust).Survive([Candidate.Of("a", "r1", trust: trust)]));
    }

    [Fact]
    public void Multi_valued_attributes_keep_every_distinct_value_in_rule_order()
    {
        var policy = new AttributePolicy("Email", [SurvivorshipRule.MostRecent], MultiValued: true);

        var result = policy.Survive(
        [
            Candidate.Of("old@example.com", "r1", daysAfterEpoch: 1),
            Candidate.Of("new@example.com", "r2", daysAfterEpoch: 9),
            Candidate.Of("old@example.com", "r3", daysAfterEpoch: 5),
        ]);

        Assert.Equal(["new@example.com", "old@example.com"], result.Values.Select(v => v.Value));
        Assert.Equal("r3", result.Values[1].Lineage.SourceRecordId);
        Assert.All(result.Values, v => Assert.Equal(SurvivorshipDecision.KeptAsDistinct, v.Lineage.DecidedBy));
        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void Multi_valued_attributes_with_equal_trust_disagreeing_are_not_a_conflict()
    {
        var policy = new AttributePolicy("Phone", [SurvivorshipRule.SourceTrust], MultiValued: true);

        var result = policy.Survive([Candidate.Of("+15552345678", "r1", trust: 80), Candidate.Of("+15552345679", "r2", trust: 80)]);

        Assert.Equal(2, result.Values.Count);
        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void A_pinned_value_of_a_multi_valued_attribute_comes_first_and_once()
    {
        var policy = new AttributePolicy("Email", [SurvivorshipRule.MostRecent], MultiValued: true);

        var result = policy.Survive(
        [
            Candidate.Of("a@example.com", "r1", daysAfterEpoch: 9),
            Candidate.Of("b@example.com", "r2", daysAfterEpoch: 1),
        ], new StewardPin("b@example.com", "alice", Candidate.Epoch));

        Assert.Equal(["b@example.com", "a@example.com"], result.Values.Select(v => v.Value));
        Assert.True(result.Values[0].Lineage.Pinned);
        Assert.False(result.Values[1].Lineage.Pinned);
    }
}
