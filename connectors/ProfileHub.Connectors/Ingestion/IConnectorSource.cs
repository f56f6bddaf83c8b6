using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// Reads one format of one kind of source system (Segment JSON-lines, a Zendesk incremental export, a CSV
/// drop). Stateless: everything about the configured instance comes in the <see cref="ConnectorContext"/>.
/// Implementations are found by <see cref="ConnectorSourceRegistry"/> by <see cref="Kind"/> and
/// <see cref="Format"/>; any public or internal non-abstract class of this assembly is registered.
/// </summary>
public interface IConnectorSource
{
    ConnectorKind Kind { get; }

    /// <summary>The format name configured as `Format` (e.g. "segment-jsonl", "csv"); unique within the kind.</summary>
    string Format { get; }

    /// <summary>
    /// Reads from <paramref name="watermark"/> on (null: from the beginning) and yields batches in order.
    /// Each batch carries the watermark that is safe to store once that batch, and every batch before it,
    /// is committed. Bad rows go into <see cref="SourceBatch.Rejected"/>, never dropped; an exception ends
    /// the run as failed, keeping the last committed watermark.
    /// </summary>
    IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, CancellationToken cancellationToken);
}
