namespace ProfileHub.Core.Profiles;

/// <summary>Where a survived value came from, when, and by which rule.</summary>
public sealed record AttributeLineage(long? SourceRecordId, string? Source, DateTimeOffset? ObservedAt, string Rule, bool Pinned);
