namespace ProfileHub.Core.Sources;

/// <summary>
/// An input row that could not be loaded, kept verbatim with why and where, never dropped. A connector
/// quarantines the same row (the same position, the same content) once, however often it is read.
/// </summary>
public sealed class QuarantinedRow
{
    private QuarantinedRow()
    {
        Position = string.Empty;
        RawPayload = string.Empty;
        Reason = string.Empty;
    }

    public QuarantinedRow(long runId, int connectorId, string position, string rawPayload, string reason, DateTimeOffset quarantinedAt)
    {
        RunId = runId;
        ConnectorId = connectorId;
        Position = position;
        RawPayload = rawPayload;
        Reason = reason;
        QuarantinedAt = quarantinedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long RunId { get; private set; }

    /// <summary>The connector of the run, so a row read again is recognised by (connector, position).</summary>
    public int ConnectorId { get; private set; }

    /// <summary>Where the row was: "events.jsonl:42", "page 3, item 7", "webhook batch 19, event 2".</summary>
    public string Position { get; private set; }

    public string RawPayload { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset QuarantinedAt { get; private set; }
}
