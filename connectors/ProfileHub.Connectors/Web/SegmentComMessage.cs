using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProfileHub.Connectors.Web;

/// <summary>
/// A Segment Spec message (segment.com/docs/connections/spec/common): the common fields plus those of
/// identify (traits), track (event, properties), page/screen (name, properties) and alias (previousId).
/// `context` (library, ip, user agent) is not read: nothing in a profile or touchpoint comes from it, and
/// skipping it spares a JSON document per message; it stays in a record's raw payload.
/// </summary>
internal sealed class SegmentComMessage
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    [JsonPropertyName("anonymousId")]
    public string? AnonymousId { get; set; }

    [JsonPropertyName("previousId")]
    public string? PreviousId { get; set; }

    [JsonPropertyName("event")]
    public string? Event { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonPropertyName("receivedAt")]
    public DateTimeOffset? ReceivedAt { get; set; }

    [JsonPropertyName("traits")]
    public JsonElement? Traits { get; set; }

    [JsonPropertyName("properties")]
    public JsonElement? Properties { get; set; }

    /// <summary>Where the message was read ("events.jsonl:42", "payload 7, message 3"); not part of the message.</summary>
    [JsonIgnore]
    public string Position { get; set; } = string.Empty;

    /// <summary>The message as received.</summary>
    [JsonIgnore]
    public string Raw { get; set; } = string.Empty;

    /// <summary>The person's key: userId when known, else the anonymousId (Segment requires one of them).</summary>
    [JsonIgnore]
    public string? PersonKey => string.IsNullOrWhiteSpace(UserId) ? (string.IsNullOrWhiteSpace(AnonymousId) ? null : AnonymousId) : UserId;

    /// <summary>When it happened: the client's timestamp, else when Segment (or ProfileHub) received it.</summary>
    [JsonIgnore]
    public DateTimeOffset? OccurredAt => Timestamp ?? ReceivedAt;
}

/// <summary>Compile-time JSON metadata: a million messages are read without reflection.</summary>
[JsonSerializable(typeof(SegmentComMessage))]
[JsonSourceGenerationOptions(AllowTrailingCommas = false, ReadCommentHandling = JsonCommentHandling.Disallow)]
internal sealed partial class SegmentComJson : JsonSerializerContext;
