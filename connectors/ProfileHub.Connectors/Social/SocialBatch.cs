using AutoMapper;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;

namespace ProfileHub.Connectors.Social;

internal static class SocialBatch
{
    /// <summary>Touchpoints for every post, one record per known author (the latest post's display name).</summary>
    public static SourceBatch From(IMapper mapper, IReadOnlyList<SocialPost> posts, IReadOnlyList<RejectedRow> rejected, long rowsRead, string? watermarkAfter)
    {
        var touchpoints = posts.Select(p => mapper.MapWithRegion<TouchpointDraft>(p, null)).ToList();
        var records = posts.Where(p => p.AuthorId is not null)
            .GroupBy(SocialMapping.AuthorKey, StringComparer.Ordinal)
            .Select(g => mapper.MapWithRegion<SourceRecordDraft>(g.MaxBy(p => p.OccurredAt)!, null))
            .ToList();
        return new SourceBatch(records, touchpoints, rejected, rowsRead, watermarkAfter);
    }
}
