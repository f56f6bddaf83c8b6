using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProfileHub.Connectors.Ads;

/// <summary>A Lead Ads submission as the Graph API `leads` edge returns it (and as the CSV export is read into).</summary>
internal sealed class MetaLead
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("created_time")]
    public string? CreatedTime { get; init; }

    [JsonPropertyName("ad_id")]
    public string? AdId { get; init; }

    [JsonPropertyName("adset_id")]
    public string? AdsetId { get; init; }

    [JsonPropertyName("campaign_id")]
    public string? CampaignId { get; init; }

    [JsonPropertyName("form_id")]
    public string? FormId { get; init; }

    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary>The form's answers: standard questions are named email, full_name, phone_number, city, zip_code, ...</summary>
    [JsonPropertyName("field_data")]
    public List<MetaLeadField>? FieldData { get; init; }

    public string? Field(params string[] names) =>
        FieldData?.FirstOrDefault(f => names.Contains(f.Name, StringComparer.OrdinalIgnoreCase))?.Values?.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}

internal sealed class MetaLeadField
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("values")]
    public List<string>? Values { get; init; }
}

/// <summary>
/// A server event as the Conversions API defines it (Server Event Parameters: event_name, event_time in unix
/// seconds, event_id, action_source, user_data, custom_data).
/// </summary>
internal sealed class CapiEvent
{
    [JsonPropertyName("event_name")]
    public string? EventName { get; init; }

    [JsonPropertyName("event_time")]
    public long? EventTime { get; init; }

    /// <summary>Meta deduplicates on event_name + event_id; so does ProfileHub.</summary>
    [JsonPropertyName("event_id")]
    public string? EventId { get; init; }

    [JsonPropertyName("action_source")]
    public string? ActionSource { get; init; }

    [JsonPropertyName("event_source_url")]
    public string? EventSourceUrl { get; init; }

    [JsonPropertyName("user_data")]
    public CapiUserData? UserData { get; init; }

    [JsonPropertyName("custom_data")]
    public CapiCustomData? CustomData { get; init; }

    public DateTimeOffset OccurredAt => DateTimeOffset.FromUnixTimeSeconds(EventTime ?? 0);
}

/// <summary>
/// Customer Information Parameters. em and ph are SHA-256 hex of the normalized email and phone; each of em, ph and
/// external_id may be one string or an array. fbc is the click id cookie "fb.{subdomain}.{creation ms}.{fbclid}".
/// </summary>
internal sealed class CapiUserData
{
    [JsonPropertyName("em")]
    public JsonElement? Em { get; init; }

    [JsonPropertyName("ph")]
    public JsonElement? Ph { get; init; }

    [JsonPropertyName("external_id")]
    public JsonElement? ExternalId { get; init; }

    [JsonPropertyName("fbc")]
    public string? Fbc { get; init; }

    [JsonPropertyName("fbp")]
    public string? Fbp { get; init; }

    public static IReadOnlyList<string> Values(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } one when !string.IsNullOrWhiteSpace(one.GetString()) => [one.GetString()!.Trim()],
        { ValueKind: JsonValueKind.Array } many => [.. many.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())).Select(e => e.GetString()!.Trim())],
        _ => [],
    };
}

internal sealed class CapiCustomData
{
    [JsonPropertyName("value")]
    public decimal? Value { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }
}

/// <summary>The ad click an fbc value records: fbclid and the time the click cookie was created.</summary>
internal sealed record MetaAdClick(string Fbc, string ClickId, DateTimeOffset ClickedAt, string? PersonKey)
{
    public static MetaAdClick? Parse(string? fbc, string? personKey)
    {
        var parts = fbc?.Split('.', 4);
        return parts is ["fb", _, var ms, var clickId]
            && long.TryParse(ms, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var millis)
            && clickId.Length > 0
                ? new MetaAdClick(fbc!, clickId, DateTimeOffset.FromUnixTimeMilliseconds(millis), personKey)
                : null;
    }
}
