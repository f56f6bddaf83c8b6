using System.Text;
using System.Text.Json;
using AutoMapper;
using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Connectors.Web;

/// <summary>
/// Collects Segment messages into one <see cref="SourceBatch"/>: checks the fields the Spec requires,
/// maps identify/alias to records and track/page/screen to touchpoints, and rejects the rest with a reason.
/// </summary>
internal sealed class SegmentComBatchBuilder(IMapper mapper, string? defaultRegion)
{
    private readonly List<SourceRecordDraft> _records = [];
    private readonly List<TouchpointDraft> _touchpoints = [];
    private readonly List<RejectedRow> _rejected = [];

    public long RowsRead { get; private set; }

    public int Count => _records.Count + _touchpoints.Count + _rejected.Count;

    /// <summary>Reads one JSON-lines row; one that is not valid UTF-8 or not JSON is rejected with why.</summary>
    public void AddLine(FramedRow row, string position)
    {
        var bytes = row.Bytes.TrimEnd(" \t"u8);
        if (bytes.IsEmpty)
        {
            return; // Blank lines separate nothing in JSON lines; they are not rows.
        }

        RowsRead++;
        if (row.Problem is { } problem)
        {
            Reject(position, row.Text, problem);
            return;
        }

        SegmentComMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(bytes.Span, SegmentComJson.Default.SegmentComMessage);
        }
        catch (JsonException e)
        {
            Reject(position, row.Text, row.Terminated ? $"malformed message: {e.Message}" : "truncated: the input ends inside this message");
            return;
        }

        if (message is null)
        {
            Reject(position, row.Text, "malformed message: null instead of an object");
            return;
        }

        // The text of the line is decoded only where it is kept: a record's raw payload or a quarantined row.
        Add(message, position, () => Encoding.UTF8.GetString(bytes.Span));
    }

    /// <summary>Reads one message of a tracking API call; <paramref name="defaults"/> fill what the endpoint implies.</summary>
    public void AddElement(JsonElement element, string position, SegmentComMessageDefaults defaults)
    {
        RowsRead++;
        SegmentComMessage? message = null;
        string? error = null;
        try
        {
            message = element.ValueKind == JsonValueKind.Object ? element.Deserialize(SegmentComJson.Default.SegmentComMessage) : null;
        }
        catch (JsonException e)
        {
            error = e.Message;
        }

        if (message is null)
        {
            Reject(position, element.GetRawText(), $"malformed message: {error ?? "not a JSON object"}");
            return;
        }

        message.Type ??= defaults.Type;
        message.ReceivedAt ??= defaults.ReceivedAt;
        message.MessageId ??= defaults.MessageId;
        Add(message, position, element.GetRawText);
    }

    public SourceBatch Build(string? watermark, IReadOnlyList<long>? inboundPayloadIds = null)
    {
        var batch = new SourceBatch([.. _records], [.. _touchpoints], [.. _rejected], RowsRead, watermark) { InboundPayloadIds = inboundPayloadIds ?? [] };
        _records.Clear();
        _touchpoints.Clear();
        _rejected.Clear();
        RowsRead = 0;
        return batch;
    }

    private void Add(SegmentComMessage message, string position, Func<string> raw)
    {
        message.Position = position;
        if (Problem(message) is { } problem)
        {
            Reject(position, raw(), problem);
            return;
        }

        // A message the mapping cannot take (a value no resolver expected) is this row's problem, not the run's.
        RowMapping.Run(position, raw, _rejected, () =>
        {
            if (message.Type is "identify" or "alias")
            {
                message.Raw = raw();
                _records.Add(mapper.Map<SourceRecordDraft>(message, o => o.Items[SegmentComMapping.RegionItem] = defaultRegion));
            }
            else
            {
                _touchpoints.Add(mapper.Map<TouchpointDraft>(message));
            }
        });
    }

    /// <summary>What the Segment Spec requires of each message type, as a quarantine reason.</summary>
    private static string? Problem(SegmentComMessage m) => m.Type switch
    {
        null or "" => "missing field 'type'",
        _ when string.IsNullOrWhiteSpace(m.MessageId) => "missing field 'messageId'",
        _ when m.OccurredAt is null => "missing field 'timestamp'",
        "alias" when string.IsNullOrWhiteSpace(m.PreviousId) || string.IsNullOrWhiteSpace(m.UserId) => "alias needs 'previousId' and 'userId'",
        "alias" => null,
        "identify" or "track" or "page" or "screen" when m.PersonKey is null => "needs 'userId' or 'anonymousId'",
        "track" when string.IsNullOrWhiteSpace(m.Event) || SegmentComMapping.SnakeCase(m.Event).Length == 0 => "missing field 'event'",
        "identify" or "track" or "page" or "screen" => null,
        _ => $"message type '{m.Type}' is not loaded (identify, track, page, screen and alias are)",
    };

    private void Reject(string position, string raw, string reason) => _rejected.Add(new RejectedRow(position, raw, reason));
}

/// <summary>What a tracking API endpoint implies for its messages: /v1/track means type track, and so on.</summary>
internal sealed record SegmentComMessageDefaults(string? Type, DateTimeOffset ReceivedAt, string MessageId);
