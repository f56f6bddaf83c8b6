using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Email;

/// <summary>
/// SendGrid Event Webhook batches saved as files (an archive of the webhook's posts, one POST body, a JSON array
/// of events, per .json file), read exactly as <see cref="SendGridWebhookSource"/> reads the posts it stored:
/// for events handed over as files and for the demo data. Settings: `path`, `pattern`, `defaultRegion`.
/// </summary>
internal sealed class SendGridEventFileSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "sendgrid-events";

    public ConnectorKind Kind => ConnectorKind.Email;

    public string Format => FormatName;

    public IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, CancellationToken cancellationToken) =>
        FileBatches.ReadAsync(context, watermark, "*.json", (file, _) => Task.FromResult(ReadFile(context, file)), cancellationToken);

    private SourceBatch ReadFile(ConnectorContext context, ExportFile file)
    {
        var rejected = new List<RejectedRow>();
        if (file.JsonUnfinished())
        {
            return new SourceBatch([], [], rejected, 0, null);
        }

        var events = SendGridBatchParser.Parse(Utf8Text.Display(file.Json.Span), file.Name, rejected);
        return SendGridWebhookSource.ToBatch(mapping.Mapper, events, rejected, context.DefaultRegion, null);
    }
}
