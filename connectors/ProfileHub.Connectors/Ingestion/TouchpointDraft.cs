using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// One event read from a source, before it is stored as a <see cref="Touchpoint"/>. The pipeline classifies
/// it by <see cref="TouchpointRules"/> (channel and type), skips it when (connector, source event id) is
/// already stored, and links it to the record with <see cref="SourceKey"/> when that record is known.
/// SourceEventId is unique per connector (messageId, sg_event_id, comment id, "ticket id:updated_at", ledger
/// id); SourceKey is the person's key in the same source (userId, requester id) when the event names one;
/// Type is the snake-case event type, a row of the channel's rule table (page_view, order_completed, open).
/// </summary>
public sealed record TouchpointDraft(
    string SourceEventId,
    string? SourceKey,
    TouchpointChannel Channel,
    string Type,
    DateTimeOffset OccurredAt)
{
    /// <summary>Where the source read it ("events.jsonl:42"): the quarantine position if the pipeline must reject it.</summary>
    public string? Position { get; init; }

    /// <summary>Money attached to the event (order revenue, conversion value).</summary>
    public decimal? Amount { get; init; }

    /// <summary>ISO 4217 code, upper case.</summary>
    public string? Currency { get; init; }

    /// <summary>Numeric measures (satisfaction score, points change, like count), stored as a JSON object.</summary>
    public IReadOnlyDictionary<string, decimal>? Metrics { get; init; }

    /// <summary>Free-form event properties as a JSON object text (url, campaign, product, category).</summary>
    public string? Properties { get; init; }
}
