using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage.Segments;
using ProfileHub.Storage.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Segments;

public abstract class SegmentRefreshTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly SegmentData _data = new(database, Now);

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await _data.PersonAsync("ann", "GB");
        await _data.PersonAsync("ben", "FR");
        await _data.PersonAsync("cat", "GB");
        await _data.TouchAsync("cat", TouchpointChannel.Web, "order_completed", 2);
        await _data.FoldAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_first_refresh_enters_every_member()
    {
        var summary = await RefreshAsync("gb", "country = \"GB\"", Now);

        Assert.Equal(new RefreshSummary(2, 0, 2), summary);
        Assert.Equal(["ann", "cat"], await OpenStaysAsync("gb"));
    }

    [Fact]
    public async Task A_later_refresh_exits_those_who_left_and_keeps_the_stay_of_those_who_remain()
    {
        await RefreshAsync("gb", "country = \"GB\"", Now);

        var summary = await RefreshAsync("gb", "country = \"GB\" and purchases > 0", Now.AddHours(1));

        Assert.Equal(new RefreshSummary(0, 1, 1), summary);
        await using var db = database.CreateContext();
        var stays = await db.SegmentMemberships.AsNoTracking().ToListAsync();
        var ann = Assert.Single(stays, s => s.ProfileId == _data.Profiles["ann"]);
        Assert.Equal((Now, Now.AddHours(1)), (ann.EnteredAt, ann.ExitedAt!.Value));
        var cat = Assert.Single(stays, s => s.ProfileId == _data.Profiles["cat"]);
        Assert.Equal(Now, cat.EnteredAt);
        Assert.Null(cat.ExitedAt);
        var segment = await db.Segments.SingleAsync();
        Assert.Equal((1, Now.AddHours(1)), (segment.MemberCount, segment.LastRefreshedAt!.Value));
    }

    [Fact]
    public async Task A_profile_that_comes_back_gets_a_new_stay()
    {
        await RefreshAsync("gb", "country = \"GB\"", Now);
        await RefreshAsync("gb", "country = \"FR\"", Now.AddHours(1));

        var summary = await RefreshAsync("gb", "country = \"GB\"", Now.AddHours(2));

        Assert.Equal(new RefreshSummary(2, 1, 2), summary);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.SegmentMemberships.CountAsync(m => m.ProfileId == _data.Profiles["ann"]));
        Assert.Equal(["ann", "cat"], await OpenStaysAsync("gb"));
    }

    [Fact]
    public async Task In_segment_reads_the_materialised_members_of_another_segment()
    {
        await RefreshAsync("gb", "country = \"GB\"", Now);

        var members = await _data.MembersAsync("in_segment(\"gb\") and purchases = 0", new Dictionary<string, string> { ["gb"] = "country = \"GB\"" });

        Assert.Equal(["ann"], members);
    }

    private async Task<RefreshSummary> RefreshAsync(string name, string rule, DateTimeOffset at)
    {
        await using var db = database.CreateContext();
        var segment = await db.Segments.SingleOrDefaultAsync(s => s.Name == name);
        if (segment is null)
        {
            segment = new Segment(name, rule, null, null, at);
            db.Segments.Add(segment);
        }
        else
        {
            segment.Change(rule, null, null, at);
        }

        await db.SaveChangesAsync();
        var compiled = RuleValidator.Compile(rule, name, _ => null);
        var members = new RuleTranslator(db, at, new Dictionary<string, int>()).Members(compiled);
        return await SegmentRefresh.RunAsync(db, segment, members, at, CancellationToken.None);
    }

    private async Task<List<string>> OpenStaysAsync(string segment)
    {
        await using var db = database.CreateContext();
        var id = await db.Segments.Where(s => s.Name == segment).Select(s => s.Id).SingleAsync();
        var ids = await db.SegmentMemberships.Where(m => m.SegmentId == id && m.ExitedAt == null).Select(m => m.ProfileId).ToListAsync();
        return [.. _data.Profiles.Where(p => ids.Contains(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal)];
    }
}

public sealed class SqliteSegmentRefreshTests(SqliteTestDatabase database) : SegmentRefreshTests<SqliteTestDatabase>(database);

public sealed class PostgresSegmentRefreshTests(PostgresTestDatabase database) : SegmentRefreshTests<PostgresTestDatabase>(database);

public sealed class SqlServerSegmentRefreshTests(SqlServerTestDatabase database) : SegmentRefreshTests<SqlServerTestDatabase>(database);
