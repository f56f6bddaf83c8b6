using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsvHelper;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Files;

/// <summary>
/// Any other system's CSV export, read with CsvHelper through a <see cref="ColumnMapping"/>. Settings: `path`
/// (a file or a directory of *.csv read in name order), `columns`, `keyColumn`, `delimiter`, `dateOrder`
/// (DMY or MDY), `channel`, `defaultRegion`. The watermark is the file and the number of data rows read.
/// </summary>
internal sealed class CsvFileSource : IConnectorSource
{
    public ConnectorKind Kind => ConnectorKind.File;

    public string Format => "csv";

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mapping = new ColumnMapping(context.Settings, context.DefaultRegion);
        var batchSize = context.BatchSize(5_000);
        var readAt = context.Clock.GetUtcNow();
        foreach (var (path, _, skip) in FilePosition.Pending(context.Settings.GetPath("path"), FilePosition.Parse(watermark), "*.csv"))
        {
            var name = Path.GetFileName(path);
            var batch = new FileBatch();
            var malformed = new Dictionary<long, string>();
            var options = new CsvReaderOptions
            {
                Separator = context.Settings.GetString("delimiter") is { Length: 1 } delimiter ? delimiter[0] : null,
                HasHeader = true,
                TrimWhitespace = true,
                TrackLineNumbers = true,
                AllowLineBreaksInQuotes = true,
                MalformedData = CsvMalformedDataHandling.Recover,
                OnMalformedRecord = record => malformed[record.LineNumber] = VendorApi.VendorCsv.Describe(record.Reason),
            };
            await using var csv = CsvReader.FromFile(path, options);
            await csv.ReadHeaderAsync(cancellationToken);
            var header = csv.Headers.ToArray();
            long row = 0;
            while (await csv.ReadAsync(cancellationToken))
            {
                row++;
                if (row <= skip)
                {
                    continue;
                }

                // The physical line where the record starts: quoted fields may span lines.
                var position = $"{name}:{csv.LineNumber}";
                var raw = Encoding.UTF8.GetString(csv.RawRecord);
                batch.RowsRead++;
                if (malformed.Remove(csv.LineNumber, out var reason) || csv.FieldCount != header.Length)
                {
                    batch.Rejected.Add(new RejectedRow(position, raw, reason ?? $"expected {header.Length} fields, found {csv.FieldCount}"));
                }
                else
                {
                    var values = new Dictionary<string, string?>(header.Length, StringComparer.Ordinal);
                    for (var i = 0; i < header.Length; i++)
                    {
                        values[header[i]] = csv.GetString(i);
                    }

                    batch.Add(mapping.Map(c => values.GetValueOrDefault(c), position, JsonSerializer.Serialize(values), readAt), position, raw);
                }

                if (batch.Count >= batchSize)
                {
                    yield return batch.Build(new FilePosition(name, 0, row).ToJson());
                }
            }

            if (batch.RowsRead > 0)
            {
                yield return batch.Build(new FilePosition(name, 0, row).ToJson());
            }
        }
    }
}
