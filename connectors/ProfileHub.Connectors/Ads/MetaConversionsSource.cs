using AutoMapper;
using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Ads;

/// <summary>
/// Conversions API server events from files: a request body ({"data": [events]}) as .json, or one event per
/// line as .jsonl. Each event with user data gives a record of hashed identifiers, a conversion (or lead)
/// touchpoint keyed by event_name + event_id, and an ad click when it carries fbc. Settings: `path`, `pattern`.
/// </summary>
internal sealed class MetaConversionsSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "meta-capi";

    public ConnectorKind Kind => ConnectorKind.Ads;

    public string Format => FormatName;

    public IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, CancellationToken cancellationToken) =>
        FileBatches.ReadAsync(context, watermark, "*.*", (file, _) => Task.FromResult(ReadFile(file)), cancellationToken);

    private SourceBatch ReadFile(ExportFile file)
    {
        var rejected = new List<RejectedRow>();
        var events = file.Info.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) ? ReadLines(file, rejected)
            : file.JsonUnfinished() ? []
            : ReadBody(file.Json, file.Name, rejected);
        return ToBatch(mapping.Mapper, events, rejected, events.Count + rejected.Count, null);
    }

    internal static SourceBatch ToBatch(IMapper mapper, List<CapiEvent> events, List<RejectedRow> rejected, long read, string? watermark)
    {
        var records = events.Where(e => AdsMapping.PersonKey(e) is not null)
            .GroupBy(AdsMapping.PersonKey, StringComparer.Ordinal)
            .Select(g => mapper.MapWithRegion<SourceRecordDraft>(g.MaxBy(e => e.EventTime)!, null))
            .ToList();
        var touchpoints = events.Select(e => mapper.MapWithRegion<TouchpointDraft>(e, null))
            .Concat(events.Select(e => MetaAdClick.Parse(e.UserData?.Fbc, AdsMapping.PersonKey(e)))
                .OfType<MetaAdClick>()
                .DistinctBy(c => c.ClickId, StringComparer.Ordinal)
                .Select(c => mapper.MapWithRegion<TouchpointDraft>(c, null)))
            .ToList();
        return new SourceBatch(records, touchpoints, rejected, read, watermark);
    }

    private static List<CapiEvent> ReadBody(ReadOnlyMemory<byte> bytes, string position, List<RejectedRow> rejected)
    {
        var json = Utf8Text.Display(bytes.Span);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data))
            {
                return JsonItems.Read<CapiEvent>(data, i => $"{position}, event {i}", Validate, rejected);
            }

            rejected.Add(new RejectedRow(position, json, "expected an object with a \"data\" array"));
        }
        catch (JsonException e)
        {
            rejected.Add(new RejectedRow(position, json, $"malformed JSON: {e.Message}"));
        }

        return [];
    }

    private static List<CapiEvent> ReadLines(ExportFile file, List<RejectedRow> rejected)
    {
        var events = new List<CapiEvent>();
        foreach (var row in file.Lines())
        {
            var bytes = row.Bytes.TrimEnd(" \t"u8);
            if (bytes.IsEmpty)
            {
                continue;
            }

            var position = $"{file.Name}:{row.Line}";
            if (row.Problem is { } problem)
            {
                rejected.Add(new RejectedRow(position, row.Text, problem));
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(bytes);
                events.AddRange(JsonItems.Read<CapiEvent>(
                    JsonSerializer.SerializeToElement(new[] { document.RootElement }), _ => position, Validate, rejected));
            }
            catch (JsonException e)
            {
                rejected.Add(new RejectedRow(position, row.Text, $"malformed JSON line: {e.Message}"));
            }
        }

        return events;
    }

    private static string? Validate(CapiEvent e) =>
        string.IsNullOrWhiteSpace(e.EventName) ? "missing event_name"
        : e.EventTime is null or <= 0 ? "missing event_time"
        : null;
}
