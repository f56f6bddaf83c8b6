using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Server.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Demo;

/// <summary>
/// The demo's timestamps follow the day it is first loaded (connector setting shiftTimestampsFrom): whatever
/// "today" is, its last 90 days hold purchases, and a reload on a later day stores nothing new.
/// </summary>
public abstract class DemoTimestampShiftTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_demo_ends_the_day_before_its_first_load_and_a_later_reload_changes_nothing()
    {
        await database.ResetAsync();
        var today = new FixedClock(new DateTimeOffset(2031, 6, 1, 10, 30, 0, TimeSpan.Zero));

        await DemoLoad.LoadAsync(database, today);
        var stored = await SnapshotAsync();
        today.Advance(TimeSpan.FromDays(3));
        var reload = await DemoLoad.LoadAsync(database, today);

        Assert.Equal(new DateOnly(2031, 6, 1), stored.LoadDay);
        Assert.Equal(new DateOnly(2031, 5, 31), DateOnly.FromDateTime(stored.Newest.UtcDateTime));
        Assert.InRange(stored.RecentPurchasers, 100, 1000);
        Assert.All(reload, run => Assert.Equal((run.Connector, 0L, 0L), (run.Connector, run.RecordsWritten, run.TouchpointsInserted)));
        Assert.Equal(stored, await SnapshotAsync());
    }

    /// <summary>The load day, the newest touchpoint, the touchpoint count and the profiles that purchased in the 90 days before the load day.</summary>
    private async Task<(DateOnly LoadDay, DateTimeOffset Newest, int Touchpoints, int RecentPurchasers)> SnapshotAsync()
    {
        await using var db = database.CreateContext();
        var loadDay = await db.SampleLoadDays.Select(d => d.Day).SingleAsync();
        var since = new DateTimeOffset(loadDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-90);
        var purchases = Journey.PurchaseTypes.ToList();
        var recentPurchasers = await db.Touchpoints
            .Where(t => purchases.Contains(t.Type) && t.OccurredAt >= since)
            .Join(db.Memberships, t => t.SourceRecordId, m => (long?)m.RecordId, (t, m) => m.ProfileId)
            .Distinct()
            .CountAsync();
        return (loadDay, await db.Touchpoints.MaxAsync(t => t.OccurredAt), await db.Touchpoints.CountAsync(), recentPurchasers);
    }
}

public sealed class SqliteDemoTimestampShiftTests(SqliteTestDatabase database) : DemoTimestampShiftTests<SqliteTestDatabase>(database);

public sealed class PostgresDemoTimestampShiftTests(PostgresTestDatabase database) : DemoTimestampShiftTests<PostgresTestDatabase>(database);

public sealed class SqlServerDemoTimestampShiftTests(SqlServerTestDatabase database) : DemoTimestampShiftTests<SqlServerTestDatabase>(database);
