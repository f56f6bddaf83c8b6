namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// What a source read in one step, committed by the pipeline in one transaction together with
/// WatermarkAfter, the position to resume from once this batch is committed: a JSON document (it is stored
/// in a JSON column), e.g. {"file":"events-07.jsonl","offset":81920}. RowsRead counts the input
/// rows the batch covers (records, events and rejected rows alike).
/// </summary>
public sealed record SourceBatch(
    IReadOnlyList<SourceRecordDraft> Records,
    IReadOnlyList<TouchpointDraft> Touchpoints,
    IReadOnlyList<RejectedRow> Rejected,
    long RowsRead,
    string? WatermarkAfter)
{
    /// <summary>Ids of the <see cref="Core.Sources.InboundPayload"/>s this batch consumed: marked processed in the same transaction.</summary>
    public IReadOnlyList<long> InboundPayloadIds { get; init; } = [];
}

/// <summary>
/// A row that cannot be loaded: quarantined with where it was ("events.jsonl:42", "page 3, item 7",
/// "payload 19, event 2"), the row as read, and why.
/// </summary>
public sealed record RejectedRow(string Position, string RawPayload, string Reason);
