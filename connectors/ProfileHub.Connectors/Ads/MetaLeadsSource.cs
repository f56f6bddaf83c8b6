using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Ads;

/// <summary>
/// Meta Lead Ads submissions from files: the Graph API `leads` edge response saved as JSON ({"data": [...]})
/// or the Ads Manager CSV download (id, created_time, ad_id, ..., form_id, then one column per form question).
/// Settings: `path`, `pattern`, `defaultRegion`.
/// </summary>
internal sealed class MetaLeadsSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "meta-leads";

    /// <summary>Columns of the CSV export that describe the lead rather than answer a form question.</summary>
    private static readonly HashSet<string> MetadataColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "created_time", "ad_id", "ad_name", "adset_id", "adset_name", "campaign_id", "campaign_name",
        "form_id", "form_name", "is_organic", "platform", "lead_status",
    };

    public ConnectorKind Kind => ConnectorKind.Ads;

    public string Format => FormatName;

    public IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, CancellationToken cancellationToken) =>
        FileBatches.ReadAsync(context, watermark, "*.*", (file, _) => Task.FromResult(ReadFile(context, file)), cancellationToken);

    private SourceBatch ReadFile(ConnectorContext context, ExportFile file)
    {
        var rejected = new List<RejectedRow>();
        var leads = !file.Info.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? ReadCsv(file, rejected)
            : file.JsonUnfinished() ? []
            : ReadJson(file.Json, file.Name, rejected);
        var records = leads.Select(l => mapping.Mapper.MapWithRegion<SourceRecordDraft>(l, context.DefaultRegion) with { RawPayload = JsonSerializer.Serialize(l) }).ToList();
        var touchpoints = leads.Select(l => mapping.Mapper.MapWithRegion<TouchpointDraft>(l, null)).ToList();
        return new SourceBatch(records, touchpoints, rejected, leads.Count + rejected.Count, null);
    }

    internal static List<MetaLead> ReadJson(ReadOnlyMemory<byte> bytes, string position, List<RejectedRow> rejected)
    {
        var json = Utf8Text.Display(bytes.Span);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data)
                ? JsonItems.Read<MetaLead>(data, i => $"{position}, lead {i}", Validate, rejected)
                : Reject(position, json, "expected an object with a \"data\" array", rejected);
        }
        catch (JsonException e)
        {
            return Reject(position, json, $"malformed JSON: {e.Message}", rejected);
        }
    }

    private static List<MetaLead> ReadCsv(ExportFile file, List<RejectedRow> rejected)
    {
        var leads = new List<MetaLead>();
        foreach (var row in VendorCsv.Read(file, rejected))
        {
            var lead = new MetaLead
            {
                Id = row["id"],
                CreatedTime = row["created_time"],
                AdId = row["ad_id"],
                AdsetId = row["adset_id"],
                CampaignId = row["campaign_id"],
                FormId = row["form_id"],
                Platform = row["platform"],
                FieldData = [.. row.Fields.Where(f => !MetadataColumns.Contains(f.Key) && !string.IsNullOrWhiteSpace(f.Value))
                    .Select(f => new MetaLeadField { Name = f.Key, Values = [f.Value.Trim()] })],
            };
            if (Validate(lead) is { } problem)
            {
                rejected.Add(new RejectedRow($"{file.Name}:{row.Line}", row.Raw, problem));
            }
            else
            {
                leads.Add(lead);
            }
        }

        return leads;
    }

    private static string? Validate(MetaLead lead) =>
        string.IsNullOrWhiteSpace(lead.Id) ? "missing id"
        : VendorTime.ParseIso(lead.CreatedTime) is null ? $"missing or unreadable created_time '{lead.CreatedTime}'"
        : lead.FieldData is not { Count: > 0 } ? "no field_data"
        : null;

    private static List<MetaLead> Reject(string position, string raw, string reason, List<RejectedRow> rejected)
    {
        rejected.Add(new RejectedRow(position, raw, reason));
        return [];
    }
}
