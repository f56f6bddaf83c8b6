using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Web;

/// <summary>
/// Segment messages that analytics libraries sent to ProfileHub's tracking API (POST /v1/batch, /v1/identify,
/// /v1/track, /v1/page, ...), stored raw by the endpoint as <see cref="SegmentComEnvelope"/>s and processed here
/// in arrival order. Payloads are marked processed in the transaction of the batch that read them.
/// </summary>
internal sealed class SegmentComHttpSource(ConnectorMapper mapping) : IConnectorSource
{
    private const int PayloadsPerBatch = 500;

    public ConnectorKind Kind => ConnectorKind.Web;

    public string Format => "segment-http";

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The processed flag, committed with each batch, is the durable position: a run starts from the first
        // unprocessed payload, so a call whose transaction committed late (a lower id seen after a higher one on
        // PostgreSQL) is still read. The watermark records the last id each batch covered.
        long after = 0;
        var builder = new SegmentComBatchBuilder(mapping.Mapper, context.DefaultRegion);
        while (true)
        {
            var payloads = await context.Inbound.ReadAsync(context.ConnectorId, after, context.BatchSize(PayloadsPerBatch), cancellationToken);
            if (payloads.Count == 0)
            {
                yield break;
            }

            foreach (var payload in payloads)
            {
                Read(builder, payload);
            }

            after = payloads[^1].Id;
            yield return builder.Build(after.ToString(CultureInfo.InvariantCulture), [.. payloads.Select(p => p.Id)]);
        }
    }

    private static void Read(SegmentComBatchBuilder builder, InboundPayloadBody payload)
    {
        using var document = JsonDocument.Parse(payload.Body);
        var envelope = document.RootElement;
        var endpoint = envelope.GetProperty(SegmentComEnvelope.Endpoint).GetString();
        var body = envelope.GetProperty(SegmentComEnvelope.Payload);
        if (endpoint == "batch")
        {
            var messages = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("batch", out var array) && array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().ToList()
                : [];
            for (var i = 0; i < messages.Count; i++)
            {
                builder.AddElement(messages[i], $"payload {payload.Id}, message {i + 1}", Defaults(payload, null, i));
            }
        }
        else
        {
            builder.AddElement(body, $"payload {payload.Id}", Defaults(payload, endpoint, 0));
        }
    }

    // Segment's libraries always send a messageId; a hand-written call may not. The payload id and index make
    // a stand-in that stays the same when the payload is processed again, so it never duplicates.
    private static SegmentComMessageDefaults Defaults(InboundPayloadBody payload, string? type, int index) =>
        new(type, payload.ReceivedAt, $"inbound-{payload.Id}-{index}");
}

/// <summary>How the tracking API endpoint stores a call: {"endpoint":"track","payload":{ the body as sent }}.</summary>
internal static class SegmentComEnvelope
{
    public const string Endpoint = "endpoint";
    public const string Payload = "payload";

    /// <summary>Wraps a request body (already checked to be JSON) without re-serializing it.</summary>
    public static string Wrap(string endpoint, string body) =>
        $$"""{"{{Endpoint}}":{{JsonSerializer.Serialize(endpoint)}},"{{Payload}}":{{body}}}""";
}
