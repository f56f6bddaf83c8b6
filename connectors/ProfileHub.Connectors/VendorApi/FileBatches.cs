using System.Runtime.CompilerServices;
using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// The loop every file-based vendor source runs: each pending export file (see <see cref="FileSet"/>) is read
/// into one batch, whose watermark records that file as read (or, if its end was unfinished, as to be read again).
/// </summary>
internal static class FileBatches
{
    public static async IAsyncEnumerable<SourceBatch> ReadAsync(
        ConnectorContext context,
        string? watermark,
        string defaultPattern,
        Func<ExportFile, CancellationToken, Task<SourceBatch>> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(read);
        var files = FileSet.FromWatermark(watermark);
        var settling = FileSettling.For(context);
        foreach (var info in files.Pending(context.Settings, defaultPattern))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = await ExportFile.ReadAsync(info, settling, cancellationToken);
            var batch = await read(file, cancellationToken);
            yield return batch with { WatermarkAfter = files.MarkRead(info, file.Unfinished) };
        }
    }
}
