using System.Runtime.CompilerServices;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Web;

/// <summary>
/// Segment messages from JSON-lines files (a Segment S3/warehouse export, or files an app writes): setting
/// `path` is a file or a directory of *.jsonl / *.ndjson / *.json files read in name order. The watermark is
/// the file and the byte offset after the last committed line.
/// </summary>
internal sealed class SegmentComFileSource(ConnectorMapper mapping) : IConnectorSource
{
    public ConnectorKind Kind => ConnectorKind.Web;

    public string Format => "segment-jsonl";

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var batchSize = context.BatchSize(10_000);
        var builder = new SegmentComBatchBuilder(mapping.Mapper, context.DefaultRegion);
        var settling = FileSettling.For(context);
        foreach (var (path, offset, line) in FilePosition.Pending(context.Settings.GetPath("path"), FilePosition.Parse(watermark), "*.jsonl", "*.ndjson", "*.json"))
        {
            var name = Path.GetFileName(path);
            var file = new FramedFile(path, LineFraming.Instance, settling);
            var position = new FilePosition(name, offset, line);
            var yielded = position;
            await foreach (var row in file.ReadAsync(offset, line, cancellationToken))
            {
                builder.AddLine(row, $"{name}:{row.Line}");
                position = new FilePosition(name, row.EndOffset, row.EndLine);
                if (builder.Count >= batchSize)
                {
                    yield return builder.Build(position.ToJson());
                    yielded = position;
                }
            }

            // The rest of the file, or only blank lines the watermark should still move past.
            if (position != yielded)
            {
                yield return builder.Build(position.ToJson());
            }

            if (file.HeldBack is { } heldBack)
            {
                // Later files wait too: the watermark must stay in this one until its last line is read.
                FileSettling.LogHeldBack(context.Logger, heldBack, settling.Period);
                yield break;
            }
        }
    }
}
