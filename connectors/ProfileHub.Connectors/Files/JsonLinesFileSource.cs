using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Files;

/// <summary>
/// Any other system's JSON-lines export: one flat JSON object per line, its property names being the columns
/// of the <see cref="ColumnMapping"/>. Same settings as the CSV source (files *.jsonl / *.ndjson); the
/// watermark is the file and the byte offset after the last committed line.
/// </summary>
internal sealed class JsonLinesFileSource : IConnectorSource
{
    public ConnectorKind Kind => ConnectorKind.File;

    public string Format => "jsonl";

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mapping = new ColumnMapping(context.Settings, context.DefaultRegion);
        var batchSize = context.BatchSize(5_000);
        var readAt = context.Clock.GetUtcNow();
        var settling = FileSettling.For(context);
        foreach (var (path, offset, line) in FilePosition.Pending(context.Settings.GetPath("path"), FilePosition.Parse(watermark), "*.jsonl", "*.ndjson"))
        {
            var name = Path.GetFileName(path);
            var file = new FramedFile(path, LineFraming.Instance, settling);
            var batch = new FileBatch();
            var position = new FilePosition(name, offset, line);
            var yielded = position;
            await foreach (var row in file.ReadAsync(offset, line, cancellationToken))
            {
                position = new FilePosition(name, row.EndOffset, row.EndLine);
                var bytes = row.Bytes.TrimEnd(" \t"u8);
                if (bytes.IsEmpty)
                {
                    continue;
                }

                batch.RowsRead++;
                var where = $"{name}:{row.Line}";
                var raw = row.Text;
                if (row.Problem is { } problem)
                {
                    batch.Rejected.Add(new RejectedRow(where, raw, problem));
                }
                else if (Columns(bytes, out problem) is { } values)
                {
                    batch.Add(mapping, c => values.GetValueOrDefault(c), where, raw, raw, readAt);
                }
                else
                {
                    batch.Rejected.Add(new RejectedRow(where, raw, row.Terminated ? problem! : "truncated: the file ends inside this line"));
                }

                if (batch.Count >= batchSize)
                {
                    yield return batch.Build(position.ToJson());
                    yielded = position;
                }
            }

            if (position != yielded)
            {
                yield return batch.Build(position.ToJson());
            }

            if (file.HeldBack is { } heldBack)
            {
                // Later files wait too: the watermark must stay in this one until its last line is read.
                FileSettling.LogHeldBack(context.Logger, heldBack, settling.Period);
                yield break;
            }
        }
    }

    /// <summary>A flat object's properties as text; nested values are kept as their JSON.</summary>
    private static Dictionary<string, string?>? Columns(ReadOnlyMemory<byte> utf8, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "not a JSON object";
                return null;
            }

            problem = null;
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => p.Value.GetBoolean().ToString(CultureInfo.InvariantCulture),
                _ => p.Value.GetRawText(),
            }, StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            problem = $"malformed JSON: {e.Message}";
            return null;
        }
    }
}
