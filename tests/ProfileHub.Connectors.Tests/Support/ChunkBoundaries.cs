using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Tests.Support;

/// <summary>
/// A file read while its writer is at work: for every byte position, the file first holds the bytes before it
/// (modified "now", so its end is not final), a run reads it, the rest is appended, and a second run reads on
/// from the first run's watermark, as the pipeline would. Together the two runs must read exactly what one run
/// over the finished file reads: nothing lost, nothing quarantined, no record read from half a row.
/// </summary>
internal static class ChunkBoundaries
{
    // rereadsWholeFiles: true for vendor exports, read whole again once they change. The second run then reads
    // the first run's rows again (the pipeline recognises them as stored), so only reading something different
    // counts as a duplicate there.
    public static async Task AssertEveryCutAsync(IConnectorSource source, ConnectorKind kind, string fileName, byte[] content, string extraSettings = "", bool rereadsWholeFiles = false)
    {
        var expected = Keys(await ReadFinishedAsync(source, kind, fileName, content, extraSettings));
        Assert.NotEmpty(expected);
        for (var cut = 0; cut <= content.Length; cut++)
        {
            using var files = new TempFiles();
            files.WriteUnfinished(fileName, content[..cut]);
            var context = VendorRead.Context(kind, VendorRead.PathSettings(files.Directory, extraSettings));
            var first = await VendorRead.AllAsync(source, context);
            files.Append(fileName, content[cut..]);
            var second = await VendorRead.AllAsync(source, context, first.LastOrDefault(b => b.WatermarkAfter is not null)?.WatermarkAfter);

            var batches = first.Concat(second).ToList();
            var rejected = batches.SelectMany(b => b.Rejected).Select(r => $"{r.Position}: {r.Reason}").ToList();
            Assert.True(rejected.Count == 0, $"cut at byte {cut}: quarantined {string.Join("; ", rejected)}");
            var read = Keys(batches);
            var lost = expected.Except(read).ToList();
            var extra = read.Distinct().Except(expected).ToList();
            Assert.True(lost.Count == 0 && extra.Count == 0, $"cut at byte {cut}: lost [{string.Join(", ", lost)}], read wrongly [{string.Join(", ", extra)}]");
            Assert.True(rereadsWholeFiles || read.Count == expected.Count, $"cut at byte {cut}: {read.Count - expected.Count} rows read twice");
        }
    }

    private static async Task<List<SourceBatch>> ReadFinishedAsync(IConnectorSource source, ConnectorKind kind, string fileName, byte[] content, string extraSettings)
    {
        using var files = new TempFiles();
        files.Write(fileName, content);
        return await VendorRead.AllAsync(source, VendorRead.Context(kind, VendorRead.PathSettings(files.Directory, extraSettings)));
    }

    /// <summary>What a run read: each record with its content (a value cut short changes it) and each event.</summary>
    private static List<string> Keys(IEnumerable<SourceBatch> batches) =>
        [.. batches.SelectMany(b => b.Records.Select(r => $"record {r.SourceKey} {r.ContentHash}").Concat(b.Touchpoints.Select(t => $"event {t.SourceEventId} {t.Amount}")))];
}
