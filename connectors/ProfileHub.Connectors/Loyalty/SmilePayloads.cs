using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProfileHub.Connectors.Loyalty;

/// <summary>A loyalty member as Smile.io's REST API returns it (GET /v1/customers, "customers" array), or a row of the members CSV.</summary>
internal sealed class SmileCustomer
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("date_of_birth")]
    public string? DateOfBirth { get; init; }

    [JsonPropertyName("points_balance")]
    public long? PointsBalance { get; init; }

    /// <summary>The VIP tier: an object ({"id", "name"}) in the API with include=vip_tier, its name in a CSV.</summary>
    [JsonPropertyName("vip_tier")]
    public JsonElement? VipTier { get; init; }

    [JsonPropertyName("state")]
    public string? State { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    public string? TierName => VipTier switch
    {
        { ValueKind: JsonValueKind.String } name => string.IsNullOrWhiteSpace(name.GetString()) ? null : name.GetString()!.Trim(),
        { ValueKind: JsonValueKind.Object } tier when tier.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String => name.GetString(),
        _ => null,
    };
}

/// <summary>One points-ledger entry (GET /v1/points_transactions): positive when earned, negative when redeemed.</summary>
internal sealed class SmilePointsTransaction
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("customer_id")]
    public long? CustomerId { get; init; }

    [JsonPropertyName("points_change")]
    public long? PointsChange { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("internal_note")]
    public string? InternalNote { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>A member seen in a VIP tier: one touchpoint per (member, tier), so re-reading the member adds nothing.</summary>
internal sealed record SmileTierReached(SmileCustomer Customer, string Tier);

internal static class SmileValidation
{
    public static string? Customer(SmileCustomer c) => c.Id is null ? "missing id" : c.UpdatedAt is null ? "missing updated_at" : null;

    public static string? Transaction(SmilePointsTransaction t) =>
        t.Id is null ? "missing id"
        : t.CustomerId is null ? "missing customer_id"
        : t.PointsChange is null ? "missing points_change"
        : t.CreatedAt is null ? "missing created_at"
        : null;
}
