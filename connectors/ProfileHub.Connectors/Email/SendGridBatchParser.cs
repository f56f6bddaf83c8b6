using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;

namespace ProfileHub.Connectors.Email;

/// <summary>Reads one Event Webhook POST body: a JSON array of events, each checked on its own.</summary>
internal static class SendGridBatchParser
{
    // position: Where the batch came from ("webhook 19"); events are numbered from 1 within it.
    public static List<SendGridEvent> Parse(string body, string position, ICollection<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonItems.Read<SendGridEvent>(document.RootElement, i => $"{position}, event {i}", Validate, rejected);
        }
        catch (JsonException e)
        {
            rejected.Add(new RejectedRow(position, body, $"malformed JSON batch: {e.Message}"));
            return [];
        }
    }

    private static string? Validate(SendGridEvent e) =>
        string.IsNullOrWhiteSpace(e.Email) ? "missing email"
        : e.Timestamp is null ? "missing timestamp"
        : string.IsNullOrWhiteSpace(e.SgEventId) ? "missing sg_event_id"
        : string.IsNullOrWhiteSpace(e.Event) ? "missing event"
        : !SendGridEventType.All.Contains(e.Event) ? $"unknown event type '{e.Event}'"
        : null;
}
