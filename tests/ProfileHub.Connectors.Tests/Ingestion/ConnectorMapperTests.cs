using AutoMapper.Internal;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Ingestion;

public sealed class ConnectorMapperTests
{
    [Fact]
    public void Every_vendor_payload_profile_maps_every_draft_member()
    {
        Mapping.Shared.Configuration.AssertConfigurationIsValid();
    }

    [Fact]
    public void The_configuration_holds_a_map_from_segment_messages_to_both_drafts()
    {
        var maps = Mapping.Shared.Configuration.Internal().GetAllTypeMaps()
            .Select(m => $"{m.SourceType.Name}->{m.DestinationType.Name}").ToList();
        Assert.Contains("SegmentComMessage->TouchpointDraft", maps);
        Assert.Contains("SegmentComMessage->SourceRecordDraft", maps);
    }
}
