using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Loyalty;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Loyalty;

/// <summary>Smile.io-style members and points-ledger CSV exports.</summary>
public sealed class LoyaltyCsvSourceTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task Members_and_ledger_files_give_records_tier_and_points_touchpoints_and_bad_rows_are_rejected()
    {
        _files.Write("1-members.csv", """
            id,first_name,last_name,email,date_of_birth,points_balance,vip_tier,updated_at
            31,Zoe,Ray,zoe@example.com,1979-12-01,880,Silver,2026-02-01T10:00:00Z
            32,Al,Bo,al@example.com,,lots,,2026-02-01T10:00:00Z
            33,Cy,Di,cy@example.com,,5,,
            """);
        _files.Write("2-ledger.csv", """"
            id,customer_id,points_change,description,created_at
            901,31,250,Placed an order,2026-02-01T09:00:00Z
            902,31,-100,"Redeemed ""$1 off""",2026-02-02T09:00:00Z
            903,,10,Orphan,2026-02-02T09:00:00Z
            """");

        var batches = await ReadAsync();

        Assert.Equal(2, batches.Count);
        var zoe = Assert.Single(batches[0].Records);
        Assert.Equal(("31", new DateOnly(1979, 12, 1)), (zoe.SourceKey, zoe.BirthDate));
        Assert.Equal("tier:31:Silver tier_changed", $"{Assert.Single(batches[0].Touchpoints).SourceEventId} {batches[0].Touchpoints[0].Type}");
        Assert.Equal(["1-members.csv:3", "1-members.csv:4"], batches[0].Rejected.Select(r => r.Position));
        Assert.StartsWith("wrong type", batches[0].Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Equal("missing updated_at", batches[0].Rejected[1].Reason);
        Assert.Equal(["ledger:901 points_earned 250", "ledger:902 points_redeemed -100"], batches[1].Touchpoints.Select(t => $"{t.SourceEventId} {t.Type} {t.Metrics!["points_change"]}"));
        Assert.Contains("Redeemed \\u0022$1 off\\u0022", batches[1].Touchpoints[1].Properties, StringComparison.Ordinal);
        Assert.Equal(("2-ledger.csv:4", "missing customer_id"), (batches[1].Rejected[0].Position, batches[1].Rejected[0].Reason));
        Assert.Equal((3, 3), (batches[0].RowsRead, batches[1].RowsRead));
    }

    public void Dispose() => _files.Dispose();

    private Task<List<SourceBatch>> ReadAsync() =>
        VendorRead.AllAsync(new LoyaltyCsvSource(Mapping.Shared), VendorRead.Context(ConnectorKind.Loyalty, VendorRead.PathSettings(_files.Directory)));
}
