using System.Runtime.CompilerServices;
using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Files;

/// <summary>
/// Any other system's CSV export, read as a <see cref="CsvDocument"/> through a <see cref="ColumnMapping"/>.
/// Settings: `path` (a file or a directory of *.csv read in name order), `columns`, `keyColumn`, `delimiter`,
/// `dateOrder` (DMY or MDY), `channel`, `defaultRegion`, `settleSeconds`. The watermark is the file and the byte
/// offset and line after the last committed record, so an appended file is read from there.
/// </summary>
internal sealed class CsvFileSource : IConnectorSource
{
    // The separator is detected in this much of the start of a file when `delimiter` is not set.
    private const int HeadBytes = 1 << 16;

    public ConnectorKind Kind => ConnectorKind.File;

    public string Format => "csv";

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mapping = new ColumnMapping(context.Settings, context.DefaultRegion);
        var batchSize = context.BatchSize(5_000);
        var readAt = context.Clock.GetUtcNow();
        var settling = FileSettling.For(context);
        var delimiter = context.Settings.GetString("delimiter") is { Length: 1 } configured ? configured[0] : (char?)null;
        foreach (var (path, offset, line) in FilePosition.Pending(context.Settings.GetPath("path"), FilePosition.Parse(watermark), "*.csv"))
        {
            var name = Path.GetFileName(path);
            if (new FileInfo(path).Length == 0 && settling.EndOf(path) == InputEnd.Final)
            {
                continue; // An empty export: nothing to read, and nothing to wait for.
            }

            if (await HeaderAsync(path, delimiter, settling, cancellationToken) is not var (csv, afterHeader))
            {
                // No whole header yet: the file is being written; later files wait for it.
                FileSettling.LogHeldBack(context.Logger, new FilePosition(name, 0, 0), settling.Period);
                yield break;
            }

            // A watermark written before byte offsets (offset 0) counted the data rows read.
            var legacyRows = offset == 0 ? line : 0;
            var position = offset > 0 ? new FilePosition(name, offset, line) : afterHeader;
            var yielded = position;
            var header = csv.Header!;
            var file = new FramedFile(path, csv.Framing, settling);
            var batch = new FileBatch();
            await foreach (var row in file.ReadAsync(position.Offset, position.Line, cancellationToken))
            {
                position = new FilePosition(name, row.EndOffset, row.EndLine);
                if (csv.Take(row) is not { } record)
                {
                    continue;
                }

                if (legacyRows > 0)
                {
                    legacyRows--;
                    continue;
                }

                batch.RowsRead++;
                var where = $"{name}:{row.Line}";
                var raw = row.Text;
                var problem = record.Malformed
                    ?? (record.Fields.Length != header.Length ? $"expected {header.Length} fields, found {record.Fields.Length}" : null);
                if (problem is not null)
                {
                    batch.Rejected.Add(new RejectedRow(where, raw, problem));
                }
                else
                {
                    var values = new Dictionary<string, string?>(header.Length, StringComparer.Ordinal);
                    for (var i = 0; i < header.Length; i++)
                    {
                        values[header[i]] = record.Fields[i];
                    }

                    batch.Add(mapping, c => values.GetValueOrDefault(c), where, JsonSerializer.Serialize(values), raw, readAt);
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
                // Later files wait too: the watermark must stay in this one until its last record is read.
                FileSettling.LogHeldBack(context.Logger, heldBack, settling.Period);
                yield break;
            }
        }
    }

    /// <summary>The file's header and the position after it; null while the header itself is unfinished.</summary>
    private static async Task<(CsvDocument Csv, FilePosition AfterHeader)?> HeaderAsync(string path, char? delimiter, FileSettling settling, CancellationToken cancellationToken)
    {
        var head = new byte[HeadBytes];
        int length;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (length == 0)
        {
            return null;
        }

        var csv = new CsvDocument(CsvDocument.DetectSeparator(head.AsMemory(0, length), delimiter), trim: true);
        await foreach (var row in new FramedFile(path, csv.Framing, settling).ReadAsync(0, 0, cancellationToken))
        {
            csv.Take(row);
            if (csv.Header is not null)
            {
                return (csv, new FilePosition(Path.GetFileName(path), row.EndOffset, row.EndLine));
            }
        }

        return null;
    }
}
