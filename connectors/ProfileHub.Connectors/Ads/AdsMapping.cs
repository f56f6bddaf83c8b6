using AutoMapper;
using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Connectors.Ads;

/// <summary>
/// Lead Ads submissions to records with plaintext PII and "lead" touchpoints; Conversions API events to records
/// holding hashed identifiers (HashedEmail / HashedPhone, compared with IdentifierHash of our normalized values)
/// and "conversion" / "lead" touchpoints; an fbc click id to an "ad_click" touchpoint.
/// </summary>
internal sealed class AdsMapping : Profile
{
    public AdsMapping()
    {
        CreateMap<MetaLead, SourceRecordDraft>()
            .ForCtorParam(nameof(SourceRecordDraft.SourceKey), o => o.MapFrom(l => "lead:" + l.Id))
            .ForCtorParam(nameof(SourceRecordDraft.ObservedAt), o => o.MapFrom(l => VendorTime.ParseIso(l.CreatedTime) ?? DateTimeOffset.UnixEpoch))
            .ForMember(d => d.FirstName, o => o.MapFrom(l => l.Field("first_name")))
            .ForMember(d => d.LastName, o => o.MapFrom(l => l.Field("last_name")))
            .ForMember(d => d.FullName, o => o.MapFrom(l => l.Field("full_name")))
            .ForMember(d => d.Address, o => o.MapFrom(l => new AddressDraft
            {
                Street = l.Field("street_address"),
                City = l.Field("city"),
                Region = l.Field("state", "province"),
                PostalCode = l.Field("zip_code", "post_code", "postal_code"),
                Country = l.Field("country"),
            }))
            .ForMember(d => d.BirthDateRaw, o => o.MapFrom(l => l.Field("date_of_birth")))

            // Lead Ads writes dates of birth month first (MM/DD/YYYY).
            .ForMember(d => d.BirthDateOrder, o => o.MapFrom(_ => DateOrder.MonthDayYear))
            .ForMember(d => d.Gender, o => o.MapFrom(l => l.Field("gender")))
            .ForMember(d => d.Identifiers, o => o.MapFrom((l, _, _, context) => EmailMapping.Present(
                IdentifierDraft.Email(l.Field("email")),
                IdentifierDraft.Phone(l.Field("phone_number", "phone"), VendorMapping.Region(context)))))
            .ForMember(d => d.Consents, o => o.Ignore())
            .ForMember(d => d.RawPayload, o => o.Ignore())
            .ForMember(d => d.Position, o => o.Ignore());

        CreateMap<MetaLead, TouchpointDraft>()
            .ForCtorParam(nameof(TouchpointDraft.SourceEventId), o => o.MapFrom(l => "lead:" + l.Id))
            .ForCtorParam(nameof(TouchpointDraft.SourceKey), o => o.MapFrom(l => "lead:" + l.Id))
            .ForCtorParam(nameof(TouchpointDraft.Channel), o => o.MapFrom(_ => TouchpointChannel.Ads))
            .ForCtorParam(nameof(TouchpointDraft.Type), o => o.MapFrom(_ => "lead"))
            .ForCtorParam(nameof(TouchpointDraft.OccurredAt), o => o.MapFrom(l => VendorTime.ParseIso(l.CreatedTime) ?? DateTimeOffset.UnixEpoch))
            .ForMember(d => d.Amount, o => o.Ignore())
            .ForMember(d => d.Currency, o => o.Ignore())
            .ForMember(d => d.Position, o => o.Ignore())
            .ForMember(d => d.Metrics, o => o.Ignore())
            .ForMember(d => d.Properties, o => o.MapFrom((l, _) => VendorMapping.Properties(
                ("ad_id", l.AdId), ("adset_id", l.AdsetId), ("campaign_id", l.CampaignId), ("form_id", l.FormId), ("platform", l.Platform))));

        CreateMap<CapiEvent, SourceRecordDraft>()
            .ForCtorParam(nameof(SourceRecordDraft.SourceKey), o => o.MapFrom(e => PersonKey(e)))
            .ForCtorParam(nameof(SourceRecordDraft.ObservedAt), o => o.MapFrom(e => e.OccurredAt))
            .ForMember(d => d.Identifiers, o => o.MapFrom((e, _) => Identifiers(e.UserData)))
            .IgnoreAllExcept(nameof(SourceRecordDraft.Identifiers));

        CreateMap<CapiEvent, TouchpointDraft>()
            .ForCtorParam(nameof(TouchpointDraft.SourceEventId), o => o.MapFrom(e => EventKey(e)))
            .ForCtorParam(nameof(TouchpointDraft.SourceKey), o => o.MapFrom(e => PersonKey(e)))
            .ForCtorParam(nameof(TouchpointDraft.Channel), o => o.MapFrom(_ => TouchpointChannel.Ads))
            .ForCtorParam(nameof(TouchpointDraft.Type), o => o.MapFrom(e => e.EventName == "Lead" ? "lead" : "conversion"))
            .ForCtorParam(nameof(TouchpointDraft.OccurredAt), o => o.MapFrom(e => e.OccurredAt))
            .ForMember(d => d.Amount, o => o.MapFrom(e => e.CustomData == null ? null : e.CustomData.Value))
            .ForMember(d => d.Currency, o => o.MapFrom((e, _) => e.CustomData?.Currency?.Trim().ToUpperInvariant()))
            .ForMember(d => d.Position, o => o.Ignore())
            .ForMember(d => d.Metrics, o => o.Ignore())
            .ForMember(d => d.Properties, o => o.MapFrom((e, _) => VendorMapping.Properties(
                ("event_name", e.EventName), ("action_source", e.ActionSource), ("event_source_url", e.EventSourceUrl), ("order_id", e.CustomData?.OrderId))));

        CreateMap<MetaAdClick, TouchpointDraft>()
            .ForCtorParam(nameof(TouchpointDraft.SourceEventId), o => o.MapFrom(c => "fbclid:" + c.ClickId))
            .ForCtorParam(nameof(TouchpointDraft.SourceKey), o => o.MapFrom(c => c.PersonKey))
            .ForCtorParam(nameof(TouchpointDraft.Channel), o => o.MapFrom(_ => TouchpointChannel.Ads))
            .ForCtorParam(nameof(TouchpointDraft.Type), o => o.MapFrom(_ => "ad_click"))
            .ForCtorParam(nameof(TouchpointDraft.OccurredAt), o => o.MapFrom(c => c.ClickedAt))
            .ForMember(d => d.Amount, o => o.Ignore())
            .ForMember(d => d.Currency, o => o.Ignore())
            .ForMember(d => d.Position, o => o.Ignore())
            .ForMember(d => d.Metrics, o => o.Ignore())
            .ForMember(d => d.Properties, o => o.MapFrom((c, _) => VendorMapping.Properties(("fbc", c.Fbc))));
    }

    /// <summary>The person a conversion names, by its strongest key: external_id, then em, then ph, then the click cookie.</summary>
    public static string? PersonKey(CapiEvent e)
    {
        var user = e?.UserData;
        if (user is null)
        {
            return null;
        }

        return CapiUserData.Values(user.ExternalId) is [var external, ..] ? "external:" + external
            : Hashed(CapiUserData.Values(user.Em), email: true).FirstOrDefault() is { } em ? "em:" + em
            : Hashed(CapiUserData.Values(user.Ph), email: false).FirstOrDefault() is { } ph ? "ph:" + ph
            : user.Fbc is { Length: > 0 } fbc ? "fbc:" + fbc
            : null;
    }

    /// <summary>event_name + event_id as Meta deduplicates; without an event_id, a hash of the event's content.</summary>
    public static string EventKey(CapiEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var id = e.EventId is { Length: > 0 } given
            ? given
            : IdentifierHash.Sha256Hex($"{e.EventTime}|{PersonKey(e)}|{e.CustomData?.Value}|{e.CustomData?.Currency}")[..32];
        return $"capi:{e.EventName}:{id}";
    }

    private static List<IdentifierDraft> Identifiers(CapiUserData? user)
    {
        if (user is null)
        {
            return [];
        }

        return EmailMapping.Present(
            [.. Hashed(CapiUserData.Values(user.Em), email: true).Select(IdentifierDraft.HashedEmail),
             .. Hashed(CapiUserData.Values(user.Ph), email: false).Select(IdentifierDraft.HashedPhone),
             .. CapiUserData.Values(user.ExternalId).Select(x => IdentifierDraft.Key(IdentifierKind.ExternalId, x)),
             IdentifierDraft.Key(IdentifierKind.AnonymousId, user.Fbc)]);
    }

    /// <summary>
    /// em / ph as lower-case SHA-256 hex. Meta asks for hashed values; a sender that passed plaintext gets it
    /// normalized and hashed by IdentifierNormalizer's rule, so it still matches.
    /// </summary>
    private static IEnumerable<string> Hashed(IEnumerable<string> values, bool email) =>
        values.Select(v => IdentifierNormalizer.Normalize(email ? IdentifierKind.HashedEmail : IdentifierKind.HashedPhone, v)).OfType<string>();
}
