using AutoMapper.Internal;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.VendorApi;

public sealed class VendorMappingTests
{
    [Fact]
    public void Every_vendor_payload_type_has_its_maps_in_the_shared_configuration()
    {
        Mapping.Shared.Configuration.AssertConfigurationIsValid();
        var maps = Mapping.Shared.Configuration.Internal().GetAllTypeMaps()
            .Select(m => $"{m.SourceType.Name}->{m.DestinationType.Name}").ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "SendGridEvent->TouchpointDraft", "SendGridRecipient->SourceRecordDraft", "SendGridConsent->SourceRecordDraft",
                "MailchimpMember->SourceRecordDraft", "FacebookComment->SocialPost", "SocialPost->TouchpointDraft",
                "SocialPost->SourceRecordDraft", "MetaLead->SourceRecordDraft", "MetaLead->TouchpointDraft",
                "CapiEvent->SourceRecordDraft", "CapiEvent->TouchpointDraft", "MetaAdClick->TouchpointDraft",
                "ZendeskUser->SourceRecordDraft", "ZendeskTicketEvent->TouchpointDraft", "SmileCustomer->SourceRecordDraft",
                "SmilePointsTransaction->TouchpointDraft", "SmileTierReached->TouchpointDraft",
            },
            maps);
    }
}
