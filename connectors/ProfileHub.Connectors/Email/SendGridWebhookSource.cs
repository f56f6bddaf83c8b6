using AutoMapper;
using System.Globalization;
using System.Runtime.CompilerServices;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Email;

/// <summary>
/// Processes the SendGrid Event Webhook batches that the host's inbound endpoint (`POST /webhooks/sendgrid/{connector}`) stored, in the order
/// received. Touchpoints are keyed by sg_event_id, so SendGrid's retries (the same event posted again) are
/// duplicates; the watermark is the id of the last stored payload the batch consumed.
/// </summary>
internal sealed class SendGridWebhookSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "sendgrid-webhook";

    /// <summary>Events that are something the recipient did or received; processed, deferred and dropped are delivery plumbing.</summary>
    private static readonly HashSet<string> TouchpointEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        SendGridEventType.Delivered, SendGridEventType.Open, SendGridEventType.Click, SendGridEventType.Bounce,
        SendGridEventType.SpamReport, SendGridEventType.Unsubscribe, SendGridEventType.GroupUnsubscribe, SendGridEventType.GroupResubscribe,
    };

    public ConnectorKind Kind => ConnectorKind.Email;

    public string Format => FormatName;

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mapper = mapping.Mapper;
        var afterId = long.TryParse(watermark, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0;
        var limit = context.BatchSize(50);
        while (true)
        {
            var payloads = await context.Inbound.ReadAsync(context.ConnectorId, afterId, limit, cancellationToken);
            if (payloads.Count == 0)
            {
                yield break;
            }

            var rejected = new List<RejectedRow>();
            var events = new List<SendGridEvent>();
            foreach (var payload in payloads)
            {
                events.AddRange(SendGridBatchParser.Parse(payload.Body, $"webhook payload {payload.Id}", rejected));
            }

            afterId = payloads[^1].Id;
            yield return ToBatch(mapper, events, rejected, context.DefaultRegion, afterId.ToString(CultureInfo.InvariantCulture)) with
            {
                InboundPayloadIds = [.. payloads.Select(p => p.Id)],
            };
        }
    }

    /// <summary>One batch from parsed events: resends within it collapse by sg_event_id; each consent scope keeps its latest event.</summary>
    internal static SourceBatch ToBatch(IMapper mapper, IReadOnlyList<SendGridEvent> events, List<RejectedRow> rejected, string? region, string? watermarkAfter)
    {
        var read = events.Count + rejected.Count;
        var unique = events.DistinctBy(e => e.SgEventId, StringComparer.Ordinal).ToList();
        var touchpoints = new List<TouchpointDraft>();
        var recipients = new Dictionary<string, SendGridRecipient>(StringComparer.Ordinal);
        var consents = new Dictionary<string, SendGridConsent>(StringComparer.Ordinal);
        foreach (var e in unique)
        {
            if (IdentifierNormalizer.Email(e.Email) is not { } email)
            {
                rejected.Add(new RejectedRow($"sg_event_id {e.SgEventId}", e.Email ?? string.Empty, $"'{e.Email}' is not an email address"));
                continue;
            }

            if (!recipients.TryGetValue(email, out var seen) || seen.LastSeen < e.OccurredAt)
            {
                recipients[email] = new SendGridRecipient(email, e.OccurredAt);
            }

            if (SendGridConsent.From(e, email) is { } consent
                && (!consents.TryGetValue(consent.SourceKey, out var earlier) || earlier.Event.OccurredAt <= e.OccurredAt))
            {
                consents[consent.SourceKey] = consent;
            }

            if (TouchpointEvents.Contains(e.Event!))
            {
                touchpoints.Add(mapper.MapWithRegion<TouchpointDraft>(e, region));
            }
        }

        var records = recipients.Values.Select(r => mapper.MapWithRegion<SourceRecordDraft>(r, region))
            .Concat(consents.Values.Select(c => mapper.MapWithRegion<SourceRecordDraft>(c, region)))
            .ToList();
        return new SourceBatch(records, touchpoints, rejected, read, watermarkAfter);
    }
}
