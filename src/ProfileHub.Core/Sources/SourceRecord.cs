namespace ProfileHub.Core.Sources;

/// <summary>
/// What one source system knows about one person (a Segment user, a Zendesk requester, a loyalty member),
/// keyed by the source's own key so re-reading a window updates instead of duplicating.
/// </summary>
public sealed class SourceRecord
{
    private SourceRecord()
    {
        SourceKey = string.Empty;
        ContentHash = string.Empty;
    }

    public SourceRecord(int connectorId, string sourceKey, DateTimeOffset observedAt, DateTimeOffset ingestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        ConnectorId = connectorId;
        SourceKey = sourceKey;
        ObservedAt = observedAt.ToUniversalTime();
        IngestedAt = ingestedAt.ToUniversalTime();
        ContentHash = string.Empty;
        NeedsMatching = true;
    }

    public long Id { get; private set; }

    public int ConnectorId { get; private set; }

    /// <summary>The source's own key (Segment userId, Zendesk user id, loyalty member id, a CSV id column).</summary>
    public string SourceKey { get; private set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? FullName { get; set; }

    public PostalAddress Address { get; set; } = new();

    public DateOnly? BirthDate { get; set; }

    /// <summary>The birth date as the source wrote it, kept when it could not be parsed (an impossible date).</summary>
    public string? BirthDateRaw { get; set; }

    public string? Gender { get; set; }

    public List<RecordIdentifier> Identifiers { get; } = [];

    public List<ConsentState> Consents { get; } = [];

    /// <summary>
    /// Adds what the source says about consent on a channel, as statements about this record's own addresses
    /// of the channel's kind (<see cref="ContactPoints.Statements"/>): add the identifiers first.
    /// </summary>
    public void AddConsent(ConsentChannel channel, ConsentStatus status, DateTimeOffset observedAt, string? scope = null) =>
        Consents.AddRange(ContactPoints.Statements(channel, status, observedAt, scope, Identifiers.Select(i => (i.Kind, i.NormalizedValue))));

    /// <summary>When the source says this was true (its updated_at or event time), not when we loaded it.</summary>
    public DateTimeOffset ObservedAt { get; private set; }

    public DateTimeOffset IngestedAt { get; private set; }

    /// <summary>The source's payload as received (JSON or the CSV row), for lineage and re-processing.</summary>
    public string? RawPayload { get; set; }

    /// <summary>SHA-256 of the normalized content: an unchanged resend is recognised and skipped.</summary>
    public string ContentHash { get; private set; }

    /// <summary>Set whenever the content changes; the match job picks these up and clears it (incremental matching).</summary>
    public bool NeedsMatching { get; private set; }

    /// <summary>
    /// Records new content for this source key. Returns false, changing nothing, when the content hash is
    /// the one already stored (a vendor's resend).
    /// </summary>
    public bool ApplyContent(string contentHash, DateTimeOffset observedAt, DateTimeOffset ingestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentHash);
        if (string.Equals(contentHash, ContentHash, StringComparison.Ordinal))
        {
            return false;
        }

        ContentHash = contentHash;
        ObservedAt = observedAt.ToUniversalTime();
        IngestedAt = ingestedAt.ToUniversalTime();
        NeedsMatching = true;
        return true;
    }

    public void MarkMatched() => NeedsMatching = false;
}
