using AutoMapper;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;

namespace ProfileHub.Connectors.Loyalty;

/// <summary>Turns read members and ledger entries into one batch (members → records and tier touchpoints; entries → points touchpoints).</summary>
internal static class SmileBatch
{
    public static SourceBatch From(
        IMapper mapper,
        IReadOnlyList<SmileCustomer> customers,
        IReadOnlyList<SmilePointsTransaction> transactions,
        IReadOnlyList<RejectedRow> rejected,
        long rowsRead,
        string? watermarkAfter)
    {
        var records = customers.Select(c => mapper.MapWithRegion<SourceRecordDraft>(c, null)).ToList();
        var touchpoints = customers.Where(c => c.TierName is not null)
            .Select(c => mapper.MapWithRegion<TouchpointDraft>(new SmileTierReached(c, c.TierName!), null))
            .Concat(transactions.Select(t => mapper.MapWithRegion<TouchpointDraft>(t, null)))
            .ToList();
        return new SourceBatch(records, touchpoints, rejected, rowsRead, watermarkAfter);
    }
}
