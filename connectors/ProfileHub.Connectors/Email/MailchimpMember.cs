using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProfileHub.Connectors.Email;

/// <summary>
/// A list member as Mailchimp's Marketing API returns it (GET /lists/{list_id}/members, "members" array); the
/// CSV audience export is read into the same shape.
/// </summary>
internal sealed class MailchimpMember
{
    /// <summary>The MD5 of the lower-cased address: Mailchimp's own key for the member within a list.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("email_address")]
    public string? EmailAddress { get; init; }

    /// <summary>subscribed, unsubscribed, cleaned, pending, transactional (and archived in some responses).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>FNAME, LNAME, ADDRESS (an object, or "" when empty), PHONE, BIRTHDAY ("MM/DD"), and the list's own.</summary>
    [JsonPropertyName("merge_fields")]
    public Dictionary<string, JsonElement>? MergeFields { get; init; }

    [JsonPropertyName("marketing_permissions")]
    public List<MailchimpMarketingPermission>? MarketingPermissions { get; init; }

    [JsonPropertyName("last_changed")]
    public string? LastChanged { get; init; }

    public string? MergeText(string tag) =>
        MergeFields is not null && MergeFields.TryGetValue(tag, out var value) && value.ValueKind == JsonValueKind.String
            ? NullIfBlank(value.GetString())
            : null;

    /// <summary>ADDRESS as the API's object, or the export's one-line "addr1  addr2  city  state  zip  country".</summary>
    public MailchimpAddress? Address()
    {
        if (MergeFields is null || !MergeFields.TryGetValue("ADDRESS", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => value.Deserialize<MailchimpAddress>(),
            JsonValueKind.String => MailchimpAddress.ParseExportLine(value.GetString()),
            _ => null,
        };
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed class MailchimpMarketingPermission
{
    [JsonPropertyName("marketing_permission_id")]
    public string? MarketingPermissionId { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }
}

/// <summary>The ADDRESS merge field's parts (Marketing API "address" merge type).</summary>
internal sealed class MailchimpAddress
{
    [JsonPropertyName("addr1")]
    public string? Addr1 { get; init; }

    [JsonPropertyName("addr2")]
    public string? Addr2 { get; init; }

    [JsonPropertyName("city")]
    public string? City { get; init; }

    [JsonPropertyName("state")]
    public string? State { get; init; }

    [JsonPropertyName("zip")]
    public string? Zip { get; init; }

    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>The CSV export writes the address parts on one line separated by two spaces.</summary>
    public static MailchimpAddress? ParseExportLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        var parts = line.Split("  ", StringSplitOptions.TrimEntries);
        string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
        return parts.Length < 4
            ? new MailchimpAddress { Addr1 = line.Trim() }
            : new MailchimpAddress { Addr1 = Part(0), Addr2 = Part(1), City = Part(2), State = Part(3), Zip = Part(4), Country = Part(5) };
    }
}
