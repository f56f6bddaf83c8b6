using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Support;

/// <summary>
/// Zendesk incremental export pages saved to files (a {"users": [...]} or {"tickets": [...]} response body per
/// file), read exactly as <see cref="ZendeskSource"/> reads them over HTTP: for exports handed over as files and
/// for the demo data. Settings: `path`, `pattern`, `defaultRegion`.
/// </summary>
internal sealed class ZendeskExportFileSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "zendesk-export";

    public ConnectorKind Kind => ConnectorKind.Support;

    public string Format => FormatName;

    public IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, CancellationToken cancellationToken) =>
        FileBatches.ReadAsync(context, watermark, "*.json", (file, _) => ReadFileAsync(context, file), cancellationToken);

    private Task<SourceBatch> ReadFileAsync(ConnectorContext context, ExportFile file) => Task.FromResult(ReadFile(context, file));

    private SourceBatch ReadFile(ConnectorContext context, ExportFile file)
    {
        var rejected = new List<RejectedRow>();
        if (file.JsonUnfinished())
        {
            return new SourceBatch([], [], rejected, 0, null);
        }

        var text = Utf8Text.Display(file.Bytes.Span);
        try
        {
            using var document = JsonDocument.Parse(file.Json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("users", out var users)
                ? ZendeskSource.Users(mapping.Mapper, users, i => $"{file.Name}, user {i}", rejected, context.DefaultRegion)
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("tickets", out var tickets)
                    ? ZendeskSource.Tickets(mapping.Mapper, tickets, i => $"{file.Name}, ticket {i}", rejected)
                    : Rejected(file.Name, text, "expected a \"users\" or \"tickets\" export page", rejected);
        }
        catch (JsonException e)
        {
            return Rejected(file.Name, text, $"malformed JSON: {e.Message}", rejected);
        }
    }

    private static SourceBatch Rejected(string position, string text, string reason, List<RejectedRow> rejected)
    {
        rejected.Add(new RejectedRow(position, text, reason));
        return new SourceBatch([], [], rejected, 1, null);
    }
}
