using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Loyalty;
using ProfileHub.Connectors.Tests.Support;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Loyalty;

/// <summary>The Smile.io connector against a Smile-shaped server on loopback (cursor paging, newest first), on each database.</summary>
public abstract class SmileApiSourceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string CustomersPage1 = """
        {"customers":[
          {"id":3,"first_name":"Maria","last_name":"Lopez","email":"maria@example.com","date_of_birth":"1988-07-14","points_balance":1200,"vip_tier":{"id":2,"name":"Gold"},"state":"member","updated_at":"2026-03-05T10:00:00.000Z"},
          {"id":2,"first_name":"Tom","last_name":"Hart","email":"tom@example.com","date_of_birth":null,"points_balance":40,"vip_tier":null,"state":"member","updated_at":"2026-03-04T10:00:00.000Z"}
        ],"metadata":{"next_cursor":"c1","previous_cursor":""}}
        """;

    private const string CustomersPage2 = """
        {"customers":[
          {"id":1,"first_name":"Li","last_name":"Wei","email":"li.wei@example.com","points_balance":0,"state":"member","updated_at":"2026-03-01T10:00:00.000Z"}
        ],"metadata":{"next_cursor":"","previous_cursor":"c0"}}
        """;

    private const string Points = """
        {"points_transactions":[
          {"id":52,"customer_id":3,"points_change":-500,"description":"Redeemed $5 off","created_at":"2026-03-05T09:00:00.000Z","updated_at":"2026-03-05T09:00:00.000Z"},
          {"id":51,"customer_id":3,"points_change":100,"description":"Placed an order","created_at":"2026-03-04T09:00:00.000Z","updated_at":"2026-03-04T09:00:00.000Z"}
        ],"metadata":{"next_cursor":null}}
        """;

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Members_and_the_points_ledger_load_through_cursor_pages_with_bearer_auth()
    {
        await using var server = await FakeVendorServer.StartAsync(Smile());
        await AddConnectorAsync(server);

        await database.RunAsync("smile", new SmileApiSource(Mapping.Shared), httpRetries: 0);

        await using var db = database.CreateContext();
        var maria = await db.SourceRecords.Include(r => r.Identifiers).SingleAsync(r => r.SourceKey == "3");
        Assert.Equal(("Maria", "Lopez", new DateOnly(1988, 7, 14)), (maria.FirstName, maria.LastName, maria.BirthDate));
        Assert.Contains(maria.Identifiers, i => i.Kind == IdentifierKind.LoyaltyId && i.NormalizedValue == "3");
        Assert.Equal(3, await db.SourceRecords.CountAsync());
        var touchpoints = await db.Touchpoints.OrderBy(t => t.SourceEventId).Select(t => $"{t.SourceEventId} {t.Type} {t.SourceKey}").ToListAsync();
        Assert.Equal(["ledger:51 points_earned 3", "ledger:52 points_redeemed 3", "tier:3:Gold tier_changed 3"], touchpoints);
        Assert.All(server.Requests, r => Assert.Equal("Bearer key_123", r.Authorization));
        Assert.Equal([null, "c1", null], server.Requests.Select(r => r["cursor"]));
        var state = await WatermarkAsync();
        Assert.Equal(new SmilePass(DateTimeOffset.Parse("2026-03-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), state.Customers);
    }

    [Fact]
    public async Task The_next_run_asks_only_for_what_changed_since_the_newest_update_seen()
    {
        await using var server = await FakeVendorServer.StartAsync(Smile());
        await AddConnectorAsync(server);
        await database.RunAsync("smile", new SmileApiSource(Mapping.Shared), httpRetries: 0);
        var before = await database.CountRowsAsync();

        var second = await database.RunAsync("smile", new SmileApiSource(Mapping.Shared), httpRetries: 0);

        var rerun = server.Requests.Skip(3).ToList();
        Assert.Equal(["2026-03-05T10:00:00Z", "2026-03-05T09:00:00Z"], rerun.Select(r => r["updated_at_min"]));
        Assert.Equal(before, await database.CountRowsAsync());
        Assert.Equal(0, second.Accepted);
    }

    [Fact]
    public async Task A_run_killed_mid_pass_resumes_at_the_next_cursor_and_the_pass_still_ends_at_its_newest_update()
    {
        var dead = true;
        await using var server = await FakeVendorServer.StartAsync(request => dead && request["cursor"] == "c1" ? new FakeResponse(502, "bad gateway") : Smile()(request));
        await AddConnectorAsync(server);
        await Assert.ThrowsAsync<VendorApiException>(() => database.RunAsync("smile", new SmileApiSource(Mapping.Shared), httpRetries: 0));
        var killed = await WatermarkAsync();
        Assert.Equal(("c1", (DateTimeOffset?)null), (killed.Customers.Cursor, killed.Customers.Since));

        dead = false;
        await database.RunAsync("smile", new SmileApiSource(Mapping.Shared), httpRetries: 0);

        Assert.Equal("c1", server.Requests[2]["cursor"]);
        Assert.Null(server.Requests[2]["updated_at_min"]);
        Assert.Equal((3, 3, 0), await database.CountRowsAsync());
        Assert.Equal(DateTimeOffset.Parse("2026-03-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), (await WatermarkAsync()).Customers.Since);
    }

    [Fact]
    public async Task A_next_cursor_pointing_back_to_a_read_page_is_quarantined_as_a_loop()
    {
        await using var server = await FakeVendorServer.StartAsync(request => request.Path == "/v1/customers" && request["cursor"] == "c1"
            ? FakeResponse.Json("""{"customers":[],"metadata":{"next_cursor":"c1"}}""")
            : Smile()(request));
        await AddConnectorAsync(server);

        await database.RunAsync("smile", new SmileApiSource(Mapping.Shared), httpRetries: 0);

        var loop = Assert.Single(await database.QuarantineAsync());
        Assert.Contains("pagination loop", loop.Reason, StringComparison.Ordinal);
        Assert.StartsWith("smile customers page 3", loop.Position, StringComparison.Ordinal);
        Assert.Equal(2, (await database.CountRowsAsync()).Records);
    }

    private static Func<FakeRequest, FakeResponse> Smile() => request => request.Path switch
    {
        "/v1/customers" when request["cursor"] is null && request["updated_at_min"] is null => FakeResponse.Json(CustomersPage1),
        "/v1/customers" when request["cursor"] == "c1" => FakeResponse.Json(CustomersPage2),
        "/v1/customers" => FakeResponse.Json("""{"customers":[],"metadata":{"next_cursor":""}}"""),
        "/v1/points_transactions" when request["updated_at_min"] is null => FakeResponse.Json(Points),
        "/v1/points_transactions" => FakeResponse.Json("""{"points_transactions":[],"metadata":{}}"""),
        _ => new FakeResponse(404, """{"error":{"code":"not_found"}}"""),
    };

    private async Task<SmileWatermark> WatermarkAsync() =>
        JsonSerializer.Deserialize<SmileWatermark>(await database.StateAsync("smile") ?? "{}")!;

    private Task<int> AddConnectorAsync(FakeVendorServer server) => database.AddConnectorAsync(
        "smile", ConnectorKind.Loyalty, SmileApiSource.FormatName, $$"""{"baseUrl":"{{server.BaseAddress}}v1","apiKey":"key_123","limit":2}""");
}

public sealed class SmileApiSourceSqliteTests(SqliteTestDatabase database) : SmileApiSourceTests<SqliteTestDatabase>(database);

public sealed class SmileApiSourcePostgresTests(PostgresTestDatabase database) : SmileApiSourceTests<PostgresTestDatabase>(database);
