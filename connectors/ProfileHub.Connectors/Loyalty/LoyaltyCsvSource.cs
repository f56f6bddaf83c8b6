using System.Runtime.CompilerServices;
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

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mapper = mapping.Mapper;
        var files = FileSet.FromWatermark(watermark);
        foreach (var file in files.Pending(context.Settings, "*.csv"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rejected = new List<RejectedRow>();
            var customers = new List<SmileCustomer>();
            var transactions = new List<SmilePointsTransaction>();
            using (var reader = file.OpenText())
            {
                foreach (var row in VendorCsv.Read(reader, file.Name, rejected))
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
            }

            yield return SmileBatch.From(mapper, customers, transactions, rejected, customers.Count + transactions.Count + rejected.Count, files.MarkRead(file));
            await Task.Yield();
        }
    }
}
