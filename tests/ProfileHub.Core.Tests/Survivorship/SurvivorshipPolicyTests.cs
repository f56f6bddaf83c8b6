using ProfileHub.Core.Survivorship;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Survivorship;

public class SurvivorshipPolicyTests
{
    [Fact]
    public void Attribute_policies_are_found_ignoring_case()
    {
        var policy = new SurvivorshipPolicy(
            [SurvivorshipRule.SourceTrust],
            [new AttributePolicy("Street", [SurvivorshipRule.MostRecent])]);

        Assert.Equal([SurvivorshipRule.MostRecent], policy.For("street").Rules);
    }

    [Fact]
    public void Attributes_without_a_policy_use_the_default_chain()
    {
        var policy = new SurvivorshipPolicy([SurvivorshipRule.MostComplete], []);

        var result = policy.Survive("Gender", [Candidate.Of("f", "r1", completeness: 0.1), Candidate.Of("female", "r2", completeness: 0.8)]);

        Assert.Equal("female", result.Survivor?.Value);
        Assert.Equal("Gender", result.Attribute);
        Assert.False(policy.For("Gender").MultiValued);
    }

    [Fact]
    public void Default_policy_keeps_every_email_and_one_birth_date()
    {
        var emails = SurvivorshipPolicy.Default.Survive("Email", [Candidate.Of("a@x.com", "r1"), Candidate.Of("b@x.com", "r2")]);
        var birthDates = SurvivorshipPolicy.Default.Survive("BirthDate", [Candidate.Of("1990-02-03", "r1", trust: 90), Candidate.Of("1990-03-02", "r2", trust: 40)]);

        Assert.Equal(2, emails.Values.Count);
        Assert.Equal("1990-02-03", Assert.Single(birthDates.Values).Value);
    }

    [Fact]
    public void Default_policy_settles_an_equal_trust_birth_date_by_majority_and_reports_the_conflict()
    {
        var result = SurvivorshipPolicy.Default.Survive("BirthDate",
        [
            Candidate.Of("1990-02-03", "r1", trust: 80, daysAfterEpoch: 9),
            Candidate.Of("1990-03-02", "r2", trust: 80, daysAfterEpoch: 1),
            Candidate.Of("1990-03-02", "r3", trust: 80, daysAfterEpoch: 2),
        ]);

        Assert.Equal("1990-03-02", result.Survivor?.Value);
        Assert.Equal(SurvivorshipDecision.MostFrequent, result.Survivor?.Lineage.DecidedBy);
        Assert.Equal(["1990-03-02", "1990-02-03"], Assert.Single(result.Conflicts).Values);
    }

    [Fact]
    public void Survive_all_gives_every_attribute_in_name_order_with_its_pin()
    {
        var candidates = new Dictionary<string, IReadOnlyList<AttributeCandidate>>
        {
            ["LastName"] = [Candidate.Of("smith", "r1", trust: 90), Candidate.Of("smyth", "r2", trust: 10)],
            ["Email"] = [Candidate.Of("a@x.com", "r1")],
            ["BirthDate"] = [Candidate.Of("1990-02-03", "r1", trust: 70), Candidate.Of("1990-03-02", "r2", trust: 70)],
        };
        var pins = new Dictionary<string, StewardPin> { ["lastname"] = new("smyth", "alice", Candidate.Epoch, "r2") };

        var results = SurvivorshipPolicy.Default.SurviveAll(candidates, pins);

        Assert.Equal(["BirthDate", "Email", "LastName"], results.Select(r => r.Attribute));
        Assert.Equal("smyth", results[2].Survivor?.Value);
        Assert.True(results[2].Survivor?.Lineage.Pinned);
        Assert.True(results[0].HasConflict);
    }
}
