namespace ProfileHub.Core.Sources;

/// <summary>
/// A request body pushed to ProfileHub (a Segment tracking API call, a SendGrid Event Webhook batch), stored
/// verbatim before anything else so the HTTP answer never waits on ingestion, then processed by the
/// connector's job in the order received.
/// </summary>
public sealed class InboundPayload
{
    private InboundPayload()
    {
        Body = string.Empty;
    }

    public InboundPayload(int connectorId, string body, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(body);
        ConnectorId = connectorId;
        Body = body;
        ReceivedAt = receivedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public int ConnectorId { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public string Body { get; private set; }

    public bool Processed { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>Right to erasure: the body without the erased person's events (<c>PayloadRedaction</c>).</summary>
    public void Redact(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = body;
    }

    public void MarkProcessed(DateTimeOffset processedAt)
    {
        Processed = true;
        ProcessedAt = processedAt.ToUniversalTime();
    }
}
