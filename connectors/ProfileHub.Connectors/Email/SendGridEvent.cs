using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProfileHub.Connectors.Email;

/// <summary>
/// One event of a SendGrid Event Webhook batch (docs: "Event Webhook reference", delivery and engagement
/// events). Field names are SendGrid's.
/// </summary>
internal sealed class SendGridEvent
{
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("timestamp")]
    public long? Timestamp { get; init; }

    [JsonPropertyName("event")]
    public string? Event { get; init; }

    /// <summary>Unique per event; SendGrid's retries resend the same id, which is what makes them duplicates.</summary>
    [JsonPropertyName("sg_event_id")]
    public string? SgEventId { get; init; }

    [JsonPropertyName("sg_message_id")]
    public string? SgMessageId { get; init; }

    [JsonPropertyName("smtp-id")]
    public string? SmtpId { get; init; }

    /// <summary>SendGrid sends a string or an array of strings.</summary>
    [JsonPropertyName("category")]
    public JsonElement? Category { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("asm_group_id")]
    public int? AsmGroupId { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>On bounce events: "bounce" (the address does not exist) or "blocked" (refused this time).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("useragent")]
    public string? UserAgent { get; init; }

    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    [JsonPropertyName("marketing_campaign_id")]
    public long? MarketingCampaignId { get; init; }

    [JsonPropertyName("marketing_campaign_name")]
    public string? MarketingCampaignName { get; init; }

    public DateTimeOffset OccurredAt => DateTimeOffset.FromUnixTimeSeconds(Timestamp ?? 0);

    public IReadOnlyList<string> Categories => Category switch
    {
        { ValueKind: JsonValueKind.String } one => [one.GetString()!],
        { ValueKind: JsonValueKind.Array } many => [.. many.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        _ => [],
    };
}
