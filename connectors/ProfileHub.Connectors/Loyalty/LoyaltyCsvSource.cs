using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Loyalty;

/// <summary>
/// Smile.io-style CSV exports: members (id, first_name, last_name, email, date_of_birth, points_balance,
/// vip_tier, updated_at) and the points ledger (id, customer_id, points_change, description, created_at), told
/// apart by the points_change column. Settings: `path` (file or directory), `pattern`.
/// </summary>
internal sealed class LoyaltyCsvSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "smile-csv";

    public ConnectorKind Kind => ConnectorKind.Loyalty;

    public string Format => FormatName;

    public IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, CancellationToken cancellationToken) =>
        FileBatches.ReadAsync(context, watermark, "*.csv", (file, _) => Task.FromResult(ReadFile(file)), cancellationToken);

    private SourceBatch ReadFile(ExportFile file)
    {
        var rejected = new List<RejectedRow>();
        var customers = new List<SmileCustomer>();
        var transactions = new List<SmilePointsTransaction>();
        foreach (var row in VendorCsv.Read(file, rejected))
        {
            var position = $"{file.Name}:{row.Line}";
            if (row.Has("points_change"))
            {
                if (JsonItems.ReadRow<SmilePointsTransaction>(row, position, SmileValidation.Transaction, rejected) is { } t)
                {
                    transactions.Add(t);
                }
            }
            else if (JsonItems.ReadRow<SmileCustomer>(row, position, SmileValidation.Customer, rejected) is { } c)
            {
                customers.Add(c);
            }
        }

        return SmileBatch.From(mapping.Mapper, customers, transactions, rejected, customers.Count + transactions.Count + rejected.Count, null);
    }
}
