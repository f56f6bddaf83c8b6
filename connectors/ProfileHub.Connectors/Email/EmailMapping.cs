using System.Globalization;
using AutoMapper;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Connectors.Email;

/// <summary>SendGrid events and Mailchimp members to ingestion drafts.</summary>
internal sealed class EmailMapping : Profile
{
    public EmailMapping()
    {
        CreateMap<SendGridEvent, TouchpointDraft>()
            .ForCtorParam(nameof(TouchpointDraft.SourceEventId), o => o.MapFrom(e => e.SgEventId))
            .ForCtorParam(nameof(TouchpointDraft.SourceKey), o => o.MapFrom(e => IdentifierNormalizer.Email(e.Email)))
            .ForCtorParam(nameof(TouchpointDraft.Channel), o => o.MapFrom(_ => TouchpointChannel.Email))
            .ForCtorParam(nameof(TouchpointDraft.Type), o => o.MapFrom(e => e.Event))
            .ForCtorParam(nameof(TouchpointDraft.OccurredAt), o => o.MapFrom(e => e.OccurredAt))
            .ForMember(d => d.Amount, o => o.Ignore())
            .ForMember(d => d.Currency, o => o.Ignore())
            .ForMember(d => d.Position, o => o.Ignore())
            .ForMember(d => d.Metrics, o => o.Ignore())
            .ForMember(d => d.Properties, o => o.MapFrom(e => Properties(e)));

        CreateMap<SendGridRecipient, SourceRecordDraft>()
            .ForCtorParam(nameof(SourceRecordDraft.SourceKey), o => o.MapFrom(r => r.Email))
            .ForCtorParam(nameof(SourceRecordDraft.ObservedAt), o => o.MapFrom(r => r.LastSeen))
            .ForMember(d => d.Identifiers, o => o.MapFrom(r => Present(IdentifierDraft.Email(r.Email))))
            .IgnoreAllExcept(nameof(SourceRecordDraft.Identifiers));

        CreateMap<SendGridConsent, SourceRecordDraft>()
            .ForCtorParam(nameof(SourceRecordDraft.SourceKey), o => o.MapFrom(c => c.SourceKey))
            .ForCtorParam(nameof(SourceRecordDraft.ObservedAt), o => o.MapFrom(c => c.Event.OccurredAt))
            .ForMember(d => d.Identifiers, o => o.MapFrom(c => Present(IdentifierDraft.Email(c.Email))))
            .ForMember(d => d.Consents, o => o.MapFrom(c => new[] { new ConsentDraft(ConsentChannel.Email, c.Status, c.Event.OccurredAt, c.Scope == "email" ? null : c.Scope) }))
            .IgnoreAllExcept(nameof(SourceRecordDraft.Identifiers), nameof(SourceRecordDraft.Consents));

        CreateMap<MailchimpMember, SourceRecordDraft>()
            .ForCtorParam(nameof(SourceRecordDraft.SourceKey), o => o.MapFrom(m => IdentifierNormalizer.Email(m.EmailAddress) ?? m.EmailAddress))
            .ForCtorParam(nameof(SourceRecordDraft.ObservedAt), o => o.MapFrom(m => LastChanged(m)))
            .ForMember(d => d.FirstName, o => o.MapFrom(m => m.MergeText("FNAME")))
            .ForMember(d => d.LastName, o => o.MapFrom(m => m.MergeText("LNAME")))
            .ForMember(d => d.FullName, o => o.Ignore())
            .ForMember(d => d.Address, o => o.MapFrom(m => Address(m.Address())))
            .ForMember(d => d.BirthDateRaw, o => o.MapFrom(m => m.MergeText("BIRTHDAY")))

            // Mailchimp's birthday merge field is "MM/DD", month first.
            .ForMember(d => d.BirthDateOrder, o => o.MapFrom(_ => DateOrder.MonthDayYear))
            .ForMember(d => d.Gender, o => o.Ignore())
            .ForMember(d => d.Identifiers, o => o.MapFrom((m, _, _, context) => Present(
                IdentifierDraft.Email(m.EmailAddress),
                IdentifierDraft.Phone(m.MergeText("PHONE"), VendorMapping.Region(context)))))
            .ForMember(d => d.Consents, o => o.MapFrom(m => Consents(m)))
            .ForMember(d => d.RawPayload, o => o.Ignore())
            .ForMember(d => d.Position, o => o.Ignore());
    }

    private static string? Properties(SendGridEvent e) => VendorMapping.Properties(
        ("sg_message_id", e.SgMessageId),
        ("category", e.Categories.Count == 0 ? null : string.Join(",", e.Categories)),
        ("url", e.Url),
        ("asm_group_id", e.AsmGroupId),
        ("reason", e.Reason),
        ("status", e.Status),
        ("bounce_type", e.Type),
        ("marketing_campaign_id", e.MarketingCampaignId),
        ("marketing_campaign_name", e.MarketingCampaignName));

    private static DateTimeOffset LastChanged(MailchimpMember member) =>
        VendorTime.ParseIso(member.LastChanged) ?? DateTimeOffset.UnixEpoch;

    private static AddressDraft Address(MailchimpAddress? address) => address is null ? new AddressDraft() : new AddressDraft
    {
        Street = Blank(address.Addr1),
        AddressLine2 = Blank(address.Addr2),
        City = Blank(address.City),
        Region = Blank(address.State),
        PostalCode = Blank(address.Zip),
        Country = Blank(address.Country),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The list status as consent to email, then each GDPR marketing permission on its own scope.</summary>
    private static List<ConsentDraft> Consents(MailchimpMember member)
    {
        var at = LastChanged(member);
        var consents = new List<ConsentDraft>();
        ConsentStatus? status = member.Status switch
        {
            "subscribed" => ConsentStatus.Granted,
            "unsubscribed" => ConsentStatus.Unsubscribed,
            "cleaned" => ConsentStatus.Cleaned,

            // pending (double opt-in not confirmed) and transactional (never opted in) are not a grant.
            "pending" or "transactional" => ConsentStatus.Denied,
            _ => null,
        };
        if (status is { } known)
        {
            consents.Add(new ConsentDraft(ConsentChannel.Email, known, at));
        }

        foreach (var permission in member.MarketingPermissions ?? [])
        {
            var channel = permission.Text?.ToUpperInvariant() switch
            {
                { } t when t.Contains("MAIL", StringComparison.Ordinal) && t.Contains("DIRECT", StringComparison.Ordinal) => ConsentChannel.Mail,
                { } t when t.Contains("ADVERTIS", StringComparison.Ordinal) => ConsentChannel.Ads,
                { } t when t.Contains("SMS", StringComparison.Ordinal) => ConsentChannel.Sms,
                { } t when t.Contains("PHONE", StringComparison.Ordinal) => ConsentChannel.Phone,
                _ => ConsentChannel.Email,
            };
            consents.Add(new ConsentDraft(
                channel,
                permission.Enabled ? ConsentStatus.Granted : ConsentStatus.Denied,
                at,
                string.Create(CultureInfo.InvariantCulture, $"mailchimp-permission:{permission.MarketingPermissionId}")));
        }

        return consents;
    }

    internal static List<IdentifierDraft> Present(params IdentifierDraft?[] identifiers) =>
        [.. identifiers.OfType<IdentifierDraft>()];
}
