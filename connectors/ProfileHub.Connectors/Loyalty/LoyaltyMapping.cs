using System.Globalization;
using AutoMapper;
using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Connectors.Loyalty;

/// <summary>Smile.io members to records keyed by member id (also a LoyaltyId identifier), ledger entries and tiers to touchpoints.</summary>
internal sealed class LoyaltyMapping : Profile
{
    public LoyaltyMapping()
    {
        CreateMap<SmileCustomer, SourceRecordDraft>()
            .ForCtorParam(nameof(SourceRecordDraft.SourceKey), o => o.MapFrom(c => Key(c.Id)))
            .ForCtorParam(nameof(SourceRecordDraft.ObservedAt), o => o.MapFrom(c => c.UpdatedAt ?? DateTimeOffset.UnixEpoch))
            .ForMember(d => d.FirstName, o => o.MapFrom(c => c.FirstName))
            .ForMember(d => d.LastName, o => o.MapFrom(c => c.LastName))
            .ForMember(d => d.BirthDateRaw, o => o.MapFrom(c => c.DateOfBirth))
            .ForMember(d => d.Identifiers, o => o.MapFrom(c => EmailMapping.Present(
                IdentifierDraft.Email(c.Email),
                IdentifierDraft.Key(IdentifierKind.LoyaltyId, Key(c.Id)))))
            .IgnoreAllExcept(nameof(SourceRecordDraft.FirstName), nameof(SourceRecordDraft.LastName), nameof(SourceRecordDraft.BirthDateRaw), nameof(SourceRecordDraft.Identifiers));

        CreateMap<SmilePointsTransaction, TouchpointDraft>()
            .ForCtorParam(nameof(TouchpointDraft.SourceEventId), o => o.MapFrom(t => "ledger:" + Key(t.Id)))
            .ForCtorParam(nameof(TouchpointDraft.SourceKey), o => o.MapFrom(t => Key(t.CustomerId)))
            .ForCtorParam(nameof(TouchpointDraft.Channel), o => o.MapFrom(_ => TouchpointChannel.Loyalty))
            .ForCtorParam(nameof(TouchpointDraft.Type), o => o.MapFrom(t => t.PointsChange < 0 ? "points_redeemed" : "points_earned"))
            .ForCtorParam(nameof(TouchpointDraft.OccurredAt), o => o.MapFrom(t => t.CreatedAt ?? DateTimeOffset.UnixEpoch))
            .ForMember(d => d.Amount, o => o.Ignore())
            .ForMember(d => d.Currency, o => o.Ignore())
            .ForMember(d => d.Position, o => o.Ignore())
            .ForMember(d => d.Metrics, o => o.MapFrom((t, _) => new Dictionary<string, decimal>(StringComparer.Ordinal) { ["points_change"] = t.PointsChange ?? 0 }))
            .ForMember(d => d.Properties, o => o.MapFrom((t, _) => VendorMapping.Properties(("description", t.Description))));

        CreateMap<SmileTierReached, TouchpointDraft>()
            .ForCtorParam(nameof(TouchpointDraft.SourceEventId), o => o.MapFrom(t => $"tier:{Key(t.Customer.Id)}:{t.Tier}"))
            .ForCtorParam(nameof(TouchpointDraft.SourceKey), o => o.MapFrom(t => Key(t.Customer.Id)))
            .ForCtorParam(nameof(TouchpointDraft.Channel), o => o.MapFrom(_ => TouchpointChannel.Loyalty))
            .ForCtorParam(nameof(TouchpointDraft.Type), o => o.MapFrom(_ => "tier_changed"))
            .ForCtorParam(nameof(TouchpointDraft.OccurredAt), o => o.MapFrom(t => t.Customer.UpdatedAt ?? DateTimeOffset.UnixEpoch))
            .ForMember(d => d.Amount, o => o.Ignore())
            .ForMember(d => d.Currency, o => o.Ignore())
            .ForMember(d => d.Position, o => o.Ignore())
            .ForMember(d => d.Metrics, o => o.MapFrom((t, _) => t.Customer.PointsBalance is { } balance
                ? new Dictionary<string, decimal>(StringComparer.Ordinal) { ["points_balance"] = balance }
                : null))
            .ForMember(d => d.Properties, o => o.MapFrom((t, _) => VendorMapping.Properties(("tier", t.Tier))));
    }

    private static string? Key(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}
