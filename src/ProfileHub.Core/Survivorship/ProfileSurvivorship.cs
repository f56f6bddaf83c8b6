using System.Globalization;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;

namespace ProfileHub.Core.Survivorship;

/// <summary>
/// Survivorship for one golden profile from its member records: every attribute's candidates (source trust
/// from the record's connector, observed-at from the record), steward pins winning, each value with its
/// lineage. Where equally trusted sources disagree on a single-valued attribute, the losing values are kept
/// beside the survivor as attribute rows with rule <see cref="ConflictRule"/> (ordinal 1 and up), so the
/// steward API can list a profile's conflicts from its attributes; ordinal 0 stays the survivor.
/// </summary>
public static class ProfileSurvivorship
{
    public const string ConflictRule = "Conflict";

    public static List<ProfileAttributeValue> Survive(
        IReadOnlyList<MatchRecord> members, IReadOnlyDictionary<string, StewardPin>? pins, SurvivorshipPolicy policy)
    {
        var candidates = new Dictionary<string, List<AttributeCandidate>>(StringComparer.Ordinal);
        foreach (var record in members)
        {
            foreach (var (attribute, value) in Values(record))
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    var candidate = new AttributeCandidate(value.Trim(), record.Source, record.Trust, record.ObservedAt, record.Key, value.Length);
                    (candidates.TryGetValue(attribute, out var list) ? list : candidates[attribute] = []).Add(candidate);
                }
            }
        }

        // A pinned attribute no record carries still survives: the pin is the value.
        foreach (var attribute in pins?.Keys ?? Enumerable.Empty<string>())
        {
            candidates.TryAdd(attribute, []);
        }

        var values = new List<ProfileAttributeValue>();
        foreach (var result in policy.SurviveAll(candidates.ToDictionary(c => c.Key, c => (IReadOnlyList<AttributeCandidate>)c.Value), pins))
        {
            var ordinal = 0;
            foreach (var survived in result.Values)
            {
                values.Add(new ProfileAttributeValue(result.Attribute, survived.Value, ordinal++, Lineage(survived.Lineage)));
            }

            foreach (var conflict in result.Conflicts)
            {
                foreach (var candidate in conflict.Candidates.Where(c => c.Value != result.Survivor?.Value))
                {
                    var lineage = new AttributeLineage(ParseRecordId(candidate.SourceRecordId), candidate.SourceName, candidate.ObservedAt, ConflictRule, false);
                    values.Add(new ProfileAttributeValue(result.Attribute, candidate.Value, ordinal++, lineage));
                }
            }
        }

        return values;
    }

    /// <summary>
    /// The active pins of each profile by attribute; the newest pin of an attribute wins. <paramref name="merges"/>
    /// maps a profile merged in this run to its survivor, which takes over its pins.
    /// </summary>
    public static Dictionary<Guid, IReadOnlyDictionary<string, StewardPin>> PinsByProfile(
        IEnumerable<StewardConstraint> constraints, IReadOnlyDictionary<Guid, Guid>? merges = null) =>
        constraints
            .Where(c => c is { Kind: ConstraintKind.PinnedValue, ProfileId: not null, IsActive: true })
            .OrderBy(c => c.Id)
            .GroupBy(c => merges is not null && merges.TryGetValue(c.ProfileId!.Value, out var into) ? into : c.ProfileId!.Value)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, StewardPin>)g.GroupBy(c => c.Attribute!, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(a => a.Key, a => new StewardPin(a.Last().Value!, a.Last().Actor, a.Last().CreatedAt), StringComparer.OrdinalIgnoreCase));

    private static IEnumerable<(string Attribute, string? Value)> Values(MatchRecord record)
    {
        yield return (AttributeNames.FirstName, record.FirstName);
        yield return (AttributeNames.LastName, record.LastName);
        yield return (AttributeNames.FullName, record.FullName);
        yield return (AttributeNames.StreetNumber, record.StreetNumber);
        yield return (AttributeNames.Street, record.Street);
        yield return (AttributeNames.AddressLine2, record.AddressLine2);
        yield return (AttributeNames.City, record.City);
        yield return (AttributeNames.Region, record.Region);
        yield return (AttributeNames.PostalCode, record.PostalCode);
        yield return (AttributeNames.Country, record.Country);
        yield return (AttributeNames.BirthDate, record.BirthDateText);
        yield return (AttributeNames.Gender, record.Gender);
        foreach (var identifier in record.Identifiers)
        {
            var attribute = identifier.Kind switch
            {
                IdentifierKind.Email => AttributeNames.Email,
                IdentifierKind.Phone => AttributeNames.Phone,
                IdentifierKind.ExternalId => AttributeNames.ExternalId,
                IdentifierKind.LoyaltyId => AttributeNames.LoyaltyId,
                IdentifierKind.NationalId => AttributeNames.NationalId,
                IdentifierKind.SocialHandle => AttributeNames.SocialHandle,
                // Hashes and device ids are matching keys, not profile attributes.
                _ => null,
            };
            if (attribute is not null)
            {
                yield return (attribute, identifier.NormalizedValue);
            }
        }
    }

    private static AttributeLineage Lineage(Lineage lineage)
    {
        var recordId = ParseRecordId(lineage.SourceRecordId);

        // A value the steward typed cites no record and no source connector.
        return new AttributeLineage(
            recordId,
            recordId is null ? null : lineage.SourceName,
            lineage.ObservedAt,
            lineage.DecidedBy.ToString(),
            lineage.Pinned);
    }

    private static long? ParseRecordId(string key) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
