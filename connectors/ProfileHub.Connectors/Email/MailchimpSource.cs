using System.Runtime.CompilerServices;
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

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mapper = mapping.Mapper;
        var files = FileSet.FromWatermark(watermark);
        var permissions = context.Settings.GetList("permissionColumns");
        foreach (var file in files.Pending(context.Settings, "*.*"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rejected = new List<RejectedRow>();
            List<MailchimpMember> members;
            if (file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
            {
                members = MailchimpExportReader.ReadJson(await File.ReadAllTextAsync(file.FullName, cancellationToken), file.Name, rejected);
            }
            else
            {
                using var reader = file.OpenText();
                members = [.. MailchimpExportReader.ReadCsv(reader, file.Name, permissions, rejected)];
            }

            var records = members.Select(m => mapper.MapWithRegion<SourceRecordDraft>(m, context.DefaultRegion) with
            {
                RawPayload = JsonSerializer.Serialize(m),
            }).ToList();
            yield return new SourceBatch(records, [], rejected, members.Count + rejected.Count, files.MarkRead(file));
        }
    }
}
