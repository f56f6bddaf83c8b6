namespace ProfileHub.Core.Survivorship;

/// <summary>
/// How one attribute of a golden profile survives: a steward pin always wins, then the configured
/// <paramref name="Rules"/> in order, each breaking the ties of the one before, and finally the lowest
/// source record id, so the same candidates always give the same result whatever their order.
/// </summary>
/// <param name="Attribute">The attribute's name as the profile model spells it ("BirthDate").</param>
/// <param name="Rules">The rule chain, first rule first.</param>
/// <param name="MultiValued">Emails, phones, identifiers: keep every distinct value, ordered by the rules.</param>
public sealed record AttributePolicy(string Attribute, IReadOnlyList<SurvivorshipRule> Rules, bool MultiValued = false)
{
    public SurvivorshipResult Survive(IReadOnlyList<AttributeCandidate> candidates, StewardPin? pin = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ranking = new CandidateRanking(this, candidates);
        if (MultiValued)
        {
            return new SurvivorshipResult(Attribute, ranking.AllDistinct(pin), []);
        }

        if (pin is not null)
        {
            return new SurvivorshipResult(Attribute, [ranking.Pinned(pin)], []);
        }

        if (ranking.Ordered.Count == 0)
        {
            return new SurvivorshipResult(Attribute, [], []);
        }

        var winner = ranking.Ordered[0];
        var survived = new SurvivedValue(winner.Value, Cite(winner, ranking.Decide()));
        return new SurvivorshipResult(Attribute, [survived], ranking.Conflicts());
    }

    internal static Lineage Cite(AttributeCandidate candidate, SurvivorshipDecision decidedBy, bool pinned = false) =>
        new(candidate.SourceRecordId, candidate.SourceName, candidate.ObservedAt, decidedBy, pinned);
}
