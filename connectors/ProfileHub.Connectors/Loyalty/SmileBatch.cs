using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;

namespace ProfileHub.Connectors.Loyalty;

/// <summary>Turns read members and ledger entries into one batch (members → records and tier touchpoints; entries → points touchpoints).</summary>
internal static class SmileBatch
{
    public static SourceBatch From(
        IReadOnlyList<SmileCustomer> customers,
        IReadOnlyList<SmilePointsTransaction> transactions,
        IReadOnlyList<RejectedRow> rejected,
        long rowsRead,
        string? watermarkAfter)
    {
        var records = customers.Select(c => VendorMapping.Map<SourceRecordDraft>(c, null)).ToList();
        var touchpoints = customers.Where(c => c.TierName is not null)
            .Select(c => VendorMapping.Map<TouchpointDraft>(new SmileTierReached(c, c.TierName!), null))
            .Concat(transactions.Select(t => VendorMapping.Map<TouchpointDraft>(t, null)))
            .ToList();
        return new SourceBatch(records, touchpoints, rejected, rowsRead, watermarkAfter);
    }
}
