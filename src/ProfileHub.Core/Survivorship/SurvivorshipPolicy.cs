using ProfileHub.Core.Profiles;

namespace ProfileHub.Core.Survivorship;

/// <summary>
/// The survivorship configuration of a golden profile: a policy per attribute (matched ignoring case)
/// and the rule chain for attributes without one.
/// </summary>
public sealed record SurvivorshipPolicy(IReadOnlyList<SurvivorshipRule> DefaultRules, IReadOnlyList<AttributePolicy> Attributes)
{
    /// <summary>
    /// A starting point: contact points and identifiers keep every value (most recent first), facts about
    /// the person trust the best source and then the majority, addresses and names follow the latest
    /// trusted change.
    /// </summary>
    public static SurvivorshipPolicy Default { get; } = new(
        [SurvivorshipRule.SourceTrust, SurvivorshipRule.MostRecent],
        [
            new(AttributeNames.Email, [SurvivorshipRule.MostRecent, SurvivorshipRule.SourceTrust], MultiValued: true),
            new(AttributeNames.Phone, [SurvivorshipRule.MostRecent, SurvivorshipRule.SourceTrust], MultiValued: true),
            new(AttributeNames.ExternalId, [SurvivorshipRule.SourceTrust], MultiValued: true),
            new(AttributeNames.LoyaltyId, [SurvivorshipRule.SourceTrust], MultiValued: true),
            new(AttributeNames.SocialHandle, [SurvivorshipRule.MostRecent], MultiValued: true),
            new(AttributeNames.BirthDate, [SurvivorshipRule.SourceTrust, SurvivorshipRule.MostFrequent, SurvivorshipRule.MostRecent]),
            new(AttributeNames.NationalId, [SurvivorshipRule.SourceTrust, SurvivorshipRule.MostFrequent]),
            new(AttributeNames.Gender, [SurvivorshipRule.SourceTrust, SurvivorshipRule.MostRecent]),
            new(AttributeNames.FirstName, [SurvivorshipRule.SourceTrust, SurvivorshipRule.MostComplete, SurvivorshipRule.MostRecent]),
            new(AttributeNames.LastName, [SurvivorshipRule.SourceTrust, SurvivorshipRule.MostComplete, SurvivorshipRule.MostRecent]),
            new(AttributeNames.Street, [SurvivorshipRule.MostRecent, SurvivorshipRule.SourceTrust]),
        ]);

    public AttributePolicy For(string attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        foreach (var policy in Attributes)
        {
            if (string.Equals(policy.Attribute, attribute, StringComparison.OrdinalIgnoreCase))
            {
                return policy;
            }
        }

        return new AttributePolicy(attribute, DefaultRules);
    }

    public SurvivorshipResult Survive(string attribute, IReadOnlyList<AttributeCandidate> candidates, StewardPin? pin = null) =>
        For(attribute).Survive(candidates, pin);

    /// <summary>
    /// Every attribute of one golden profile, in ordinal order of attribute name so the output of a re-run
    /// is identical; <paramref name="pins"/> holds the steward pins by attribute (matched ignoring case).
    /// </summary>
    public IReadOnlyList<SurvivorshipResult> SurviveAll(
        IReadOnlyDictionary<string, IReadOnlyList<AttributeCandidate>> candidatesByAttribute,
        IReadOnlyDictionary<string, StewardPin>? pins = null)
    {
        ArgumentNullException.ThrowIfNull(candidatesByAttribute);
        var attributes = new List<string>(candidatesByAttribute.Keys);
        attributes.Sort(StringComparer.Ordinal);
        var results = new List<SurvivorshipResult>(attributes.Count);
        foreach (var attribute in attributes)
        {
            results.Add(Survive(attribute, candidatesByAttribute[attribute], PinFor(pins, attribute)));
        }

        return results;
    }

    private static StewardPin? PinFor(IReadOnlyDictionary<string, StewardPin>? pins, string attribute)
    {
        if (pins is null)
        {
            return null;
        }

        if (pins.TryGetValue(attribute, out var pin))
        {
            return pin;
        }

        foreach (var (key, value) in pins)
        {
            if (string.Equals(key, attribute, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
