using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Email;

/// <summary>
/// Mailchimp list members from audience exports: the export's CSVs (subscribed / unsubscribed / cleaned) or the
/// Marketing API's members JSON saved to a file. Records are keyed by the lower-cased address, Mailchimp's own
/// member key within a list. Settings: `path` (file or directory), `pattern`, `permissionColumns` (the export's
/// marketing-permission column headers), `defaultRegion`.
/// </summary>
internal sealed class MailchimpSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "mailchimp";

    public ConnectorKind Kind => ConnectorKind.Email;

    public string Format => FormatName;

    public IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, CancellationToken cancellationToken) =>
        FileBatches.ReadAsync(context, watermark, "*.*", (file, _) => ReadFileAsync(context, file), cancellationToken);

    private Task<SourceBatch> ReadFileAsync(ConnectorContext context, ExportFile file)
    {
        var rejected = new List<RejectedRow>();
        var members = file.Info.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? MailchimpExportReader.ReadJson(file, rejected)
            : [.. MailchimpExportReader.ReadCsv(file, context.Settings.GetList("permissionColumns"), rejected)];

        var records = members.Select(m => mapping.Mapper.MapWithRegion<SourceRecordDraft>(m, context.DefaultRegion) with
        {
            RawPayload = JsonSerializer.Serialize(m),
        }).ToList();
        return Task.FromResult(new SourceBatch(records, [], rejected, members.Count + rejected.Count, null));
    }
}
