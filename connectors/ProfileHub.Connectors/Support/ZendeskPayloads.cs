using System.Text.Json.Serialization;

namespace ProfileHub.Connectors.Support;

/// <summary>A user of the Zendesk Support API (Users: "id, name, email, phone, external_id, role, updated_at").</summary>
internal sealed class ZendeskUser
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonPropertyName("external_id")]
    public string? ExternalId { get; init; }

    /// <summary>end-user, agent or admin: only end-users are customers.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>A ticket of the incremental ticket export (Tickets: "id, requester_id, status, via, created_at, updated_at, satisfaction_rating").</summary>
internal sealed class ZendeskTicket
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("requester_id")]
    public long? RequesterId { get; init; }

    /// <summary>new, open, pending, hold, solved, closed (and deleted in the export).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    [JsonPropertyName("via")]
    public ZendeskVia? Via { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonPropertyName("satisfaction_rating")]
    public ZendeskSatisfactionRating? SatisfactionRating { get; init; }
}

internal sealed class ZendeskVia
{
    /// <summary>web, email, chat, api, voice, ...</summary>
    [JsonPropertyName("channel")]
    public string? Channel { get; init; }
}

internal sealed class ZendeskSatisfactionRating
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>offered, unoffered, good, bad (and good_with_comment, bad_with_comment in some accounts).</summary>
    [JsonPropertyName("score")]
    public string? Score { get; init; }

    [JsonPropertyName("comment")]
    public string? Comment { get; init; }
}

/// <summary>What one ticket version says happened: opened, solved, rated. Each is one touchpoint.</summary>
internal sealed record ZendeskTicketEvent(ZendeskTicket Ticket, string Type, string EventId, DateTimeOffset OccurredAt)
{
    /// <summary>
    /// The events of one exported ticket version. "Opened" is keyed by the ticket id alone (every version repeats
    /// it); "solved" by ticket id and updated_at, as a ticket can be reopened and solved again; a satisfaction
    /// rating by ticket id and rating (good / bad), a changed rating being a new event.
    /// </summary>
    public static IEnumerable<ZendeskTicketEvent> Of(ZendeskTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var id = ticket.Id!.Value;
        yield return new(ticket, "ticket_opened", $"{id}:opened", ticket.CreatedAt!.Value);
        if (ticket.Status is "solved")
        {
            yield return new(ticket, "ticket_solved", $"{id}:{ticket.UpdatedAt!.Value.ToUnixTimeSeconds()}", ticket.UpdatedAt.Value);
        }

        if (Score(ticket) is { } score)
        {
            yield return new(ticket, "satisfaction_rated", $"{id}:rating:{ticket.SatisfactionRating!.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"}:{score}", ticket.UpdatedAt!.Value);
        }
    }

    /// <summary>1 for good, 0 for bad; null for offered / unoffered (no answer yet).</summary>
    public static int? Score(ZendeskTicket ticket) => ticket?.SatisfactionRating?.Score switch
    {
        "good" or "good_with_comment" => 1,
        "bad" or "bad_with_comment" => 0,
        _ => null,
    };
}
