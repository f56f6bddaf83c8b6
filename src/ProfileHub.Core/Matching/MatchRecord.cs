using System.Globalization;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;
using EngineRecord = ProfileHub.Core.Matching.MatchInput;

namespace ProfileHub.Core.Matching;

/// <summary>
/// What matching and survivorship read of one source record: its columns (no raw payload), its identifiers
/// and its connector's name and trust. Loaded for every record at the start of a run (a few set-based queries).
/// </summary>
public sealed class MatchRecord
{
    public required long Id { get; init; }

    public required string Source { get; init; }

    public required int Trust { get; init; }

    public required DateTimeOffset ObservedAt { get; init; }

    public required bool NeedsMatching { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? FullName { get; init; }

    public string? StreetNumber { get; init; }

    public string? Street { get; init; }

    public string? AddressLine2 { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }

    public DateOnly? BirthDate { get; init; }

    public string? BirthDateRaw { get; init; }

    public string? Gender { get; init; }

    public List<RecordIdentifier> Identifiers { get; } = [];

    /// <summary>The id as the engine and survivorship carry it: zero-padded, so ordinal order is numeric order.</summary>
    public string Key => Format(Id);

    public static string Format(long id) => id.ToString("D19", CultureInfo.InvariantCulture);

    public static long Parse(string key) => long.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture);

    public string? BirthDateText => BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? BirthDateRaw;

    /// <summary>
    /// The engine's input: names, address (the record's country is the default phone region), birth date,
    /// emails, phones, ids. <paramref name="hashIdentifiers"/> adds the SHA-256 of each plain email and phone,
    /// so records carrying only hashed identifiers can match; it is set when any record in the run has one.
    /// </summary>
    public EngineRecord ToEngineInput(bool hashIdentifiers)
    {
        var record = new EngineRecord(Key)
            .Set(AttributeName.FirstName, FirstName)
            .Set(AttributeName.LastName, LastName)
            .Set(AttributeName.FullName, FullName)
            .Set(AttributeName.StreetNumber, StreetNumber)
            .Set(AttributeName.Street, Street)
            .Set(AttributeName.AddressLine2, AddressLine2)
            .Set(AttributeName.City, City)
            .Set(AttributeName.Region, Region)
            .Set(AttributeName.PostalCode, PostalCode)
            .Set(AttributeName.Country, Country)
            .Set(AttributeName.BirthDate, BirthDateText)
            .Set(AttributeName.Gender, Gender);
        foreach (var identifier in Identifiers)
        {
            switch (identifier.Kind)
            {
                case IdentifierKind.Email:
                    record.Set(AttributeName.Email, identifier.Value);
                    if (hashIdentifiers && IdentifierNormalizer.HashOfEmail(identifier.Value) is { } emailHash)
                    {
                        record.Set(AttributeName.Email, IdentifierNormalizer.AsMatchingEmail(IdentifierKind.HashedEmail, emailHash));
                    }

                    break;
                case IdentifierKind.Phone:
                    record.Set(AttributeName.Phone, identifier.Value);
                    if (hashIdentifiers && IdentifierNormalizer.HashOfPhone(identifier.Value, Country) is { } phoneHash)
                    {
                        record.Set(AttributeName.Email, IdentifierNormalizer.AsMatchingEmail(IdentifierKind.HashedPhone, phoneHash));
                    }

                    break;
                case IdentifierKind.HashedEmail or IdentifierKind.HashedPhone:
                    record.Set(AttributeName.Email, IdentifierNormalizer.AsMatchingEmail(identifier.Kind, identifier.NormalizedValue));
                    break;
                case IdentifierKind.ExternalId:
                    SetFirst(record, AttributeName.ExternalId, identifier.NormalizedValue);
                    break;
                case IdentifierKind.LoyaltyId:
                    SetFirst(record, AttributeName.LoyaltyId, identifier.NormalizedValue);
                    break;
                case IdentifierKind.NationalId:
                    SetFirst(record, AttributeName.NationalId, identifier.NormalizedValue);
                    break;
                case IdentifierKind.SocialHandle:
                    SetFirst(record, AttributeName.SocialHandle, identifier.NormalizedValue);
                    break;
                default:
                    // Anonymous (device, cookie) ids link events, not people: not a matching signal.
                    break;
            }
        }

        return record;
    }

    public bool HasHashedIdentifier => Identifiers.Exists(i => i.Kind is IdentifierKind.HashedEmail or IdentifierKind.HashedPhone);

    // The engine holds one value of these; the first identifier of the kind is the record's.
    private static void SetFirst(EngineRecord record, AttributeName attribute, string value)
    {
        if (record[attribute] is null)
        {
            record.Set(attribute, value);
        }
    }
}
