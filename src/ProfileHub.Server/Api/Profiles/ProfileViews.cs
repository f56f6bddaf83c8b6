using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Server.Api.Profiles;

/// <summary>A source record as the API shows it: with its connector's name and the profile it belongs to (null before matching).</summary>
internal sealed record RecordView(
    long Id,
    Guid? ProfileId,
    string Source,
    string SourceKey,
    string? FirstName,
    string? LastName,
    string? FullName,
    string? StreetNumber,
    string? Street,
    string? AddressLine2,
    string? City,
    string? Region,
    string? PostalCode,
    string? Country,
    DateOnly? BirthDate,
    string? BirthDateRaw,
    string? Gender,
    DateTimeOffset ObservedAt,
    DateTimeOffset IngestedAt);

/// <summary>An identifier of a profile's member record, with where it came from.</summary>
internal sealed record IdentifierView(Guid ProfileId, long RecordId, string Source, IdentifierKind Kind, string Value, string NormalizedValue);

/// <summary>A consent statement of a member record.</summary>
internal sealed record ConsentView(Guid ProfileId, long RecordId, string Source, ConsentChannel Channel, string? ContactPoint, ConsentStatus Status, string? Scope, DateTimeOffset ObservedAt);

/// <summary>A touchpoint of a profile's member record, with its connector's name.</summary>
internal sealed record TouchpointView(Guid ProfileId, string Source, Touchpoint Touchpoint);
