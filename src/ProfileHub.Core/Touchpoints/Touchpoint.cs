namespace ProfileHub.Core.Touchpoints;

/// <summary>
/// One interaction between the business and a customer (a page view, an email open, a support ticket),
/// keyed by the source's event id so a vendor's resend is recognised, and classified the four ways the field
/// classifies touchpoints.
/// </summary>
public sealed class Touchpoint
{
    private Touchpoint()
    {
        SourceEventId = string.Empty;
        Type = string.Empty;
    }

    public Touchpoint(
        int connectorId,
        string sourceEventId,
        TouchpointChannel channel,
        string type,
        DateTimeOffset occurredAt,
        TouchpointClassification classification,
        DateTimeOffset ingestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceEventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ConnectorId = connectorId;
        SourceEventId = sourceEventId;
        Channel = channel;
        Type = type;
        OccurredAt = occurredAt.ToUniversalTime();
        Stage = classification.Stage;
        Online = classification.Online;
        Controllable = classification.Controllable;
        Initiative = classification.Initiative;
        IngestedAt = ingestedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public int ConnectorId { get; private set; }

    /// <summary>messageId, sg_event_id, comment id, "ticket id:updated_at", ledger id: unique per connector.</summary>
    public string SourceEventId { get; private set; }

    /// <summary>The person's key in the source (userId, requester id); resolved to a record when known.</summary>
    public string? SourceKey { get; set; }

    public long? SourceRecordId { get; set; }

    public TouchpointChannel Channel { get; private set; }

    /// <summary>Snake-case event type within the channel: page_view, email_open, ticket_opened, points_redeemed.</summary>
    public string Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public JourneyStage Stage { get; private set; }

    public bool Online { get; private set; }

    public bool Controllable { get; private set; }

    public Initiative Initiative { get; private set; }

    /// <summary>Money attached to the event (order revenue, conversion value), in <see cref="Currency"/>.</summary>
    public decimal? Amount { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public string? Currency { get; set; }

    /// <summary>Numeric measures as JSON (satisfaction score, points change, like count).</summary>
    public string? Metrics { get; set; }

    /// <summary>Free-form event properties as JSON (url, campaign, product, category).</summary>
    public string? Properties { get; set; }

    public DateTimeOffset IngestedAt { get; private set; }

    public TouchpointClassification Classification => new(Stage, Online, Controllable, Initiative);
}
