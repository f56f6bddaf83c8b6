using System.Globalization;
using AutoMapper;
using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Connectors.Support;

/// <summary>Zendesk users to records (keyed by user id) and ticket events to touchpoints (keyed by requester id).</summary>
internal sealed class SupportMapping : Profile
{
    public SupportMapping()
    {
        CreateMap<ZendeskUser, SourceRecordDraft>()
            .ForCtorParam(nameof(SourceRecordDraft.SourceKey), o => o.MapFrom(u => Key(u.Id)))
            .ForCtorParam(nameof(SourceRecordDraft.ObservedAt), o => o.MapFrom(u => u.UpdatedAt ?? u.CreatedAt ?? DateTimeOffset.UnixEpoch))
            .ForMember(d => d.FullName, o => o.MapFrom(u => u.Name))
            .ForMember(d => d.Identifiers, o => o.MapFrom((u, _, _, context) => EmailMapping.Present(
                IdentifierDraft.Email(u.Email),
                IdentifierDraft.Phone(u.Phone, VendorMapping.Region(context)),
                IdentifierDraft.Key(IdentifierKind.ExternalId, u.ExternalId))))
            .IgnoreAllExcept(nameof(SourceRecordDraft.FullName), nameof(SourceRecordDraft.Identifiers));

        CreateMap<ZendeskTicketEvent, TouchpointDraft>()
            .ForCtorParam(nameof(TouchpointDraft.SourceEventId), o => o.MapFrom(e => e.EventId))
            .ForCtorParam(nameof(TouchpointDraft.SourceKey), o => o.MapFrom(e => Key(e.Ticket.RequesterId)))
            .ForCtorParam(nameof(TouchpointDraft.Channel), o => o.MapFrom(_ => TouchpointChannel.Support))
            .ForCtorParam(nameof(TouchpointDraft.Type), o => o.MapFrom(e => e.Type))
            .ForCtorParam(nameof(TouchpointDraft.OccurredAt), o => o.MapFrom(e => e.OccurredAt))
            .ForMember(d => d.Amount, o => o.Ignore())
            .ForMember(d => d.Currency, o => o.Ignore())
            .ForMember(d => d.Position, o => o.Ignore())
            .ForMember(d => d.Metrics, o => o.MapFrom(e => Metrics(e)))
            .ForMember(d => d.Properties, o => o.MapFrom((e, _) => VendorMapping.Properties(
                ("ticket_id", e.Ticket.Id),
                ("status", e.Ticket.Status),
                ("via_channel", e.Ticket.Via?.Channel),
                ("subject", e.Ticket.Subject))));
    }

    private static string? Key(long? id) => id?.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, decimal>? Metrics(ZendeskTicketEvent e) =>
        e.Type == "satisfaction_rated" && ZendeskTicketEvent.Score(e.Ticket) is { } score
            ? new Dictionary<string, decimal>(StringComparer.Ordinal) { ["satisfaction_score"] = score }
            : null;
}
