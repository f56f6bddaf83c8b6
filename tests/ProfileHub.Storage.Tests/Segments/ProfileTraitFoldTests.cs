using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Segments;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage.Segments;
using ProfileHub.Storage.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Segments;

public abstract class ProfileTraitFoldTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly SegmentData _data = new(database, Now);

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await _data.PersonAsync("ann", "GB");
        await _data.PersonAsync("ben", "FR");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_first_fold_computes_every_trait_from_the_journey()
    {
        await _data.TouchAsync("ann", TouchpointChannel.Ads, "ad_click", 40);
        await _data.TouchAsync("ann", TouchpointChannel.Email, "open", 30, count: 2);
        await _data.TouchAsync("ann", TouchpointChannel.Email, "click", 29);
        await _data.TouchAsync("ann", TouchpointChannel.Web, "order_completed", 20, amount: 30.5m);
        await _data.TouchAsync("ann", TouchpointChannel.Offline, "store_purchase", 10, amount: 12m);
        await _data.TouchAsync("ann", TouchpointChannel.Loyalty, "tier_changed", 9, metrics: """{"points_balance":640}""", properties: """{"tier":"gold"}""");

        var summary = await _data.FoldAsync();

        var ann = await TraitsAsync("ann");
        Assert.Equal((2, 42.5, 7, 4, 2, 1), (ann.PurchaseCount, ann.Revenue, ann.TouchpointCount, ann.TouchpointsBeforeFirstPurchase!.Value, ann.EmailOpens, ann.EmailClicks));
        Assert.Equal(Now.AddDays(-20), ann.FirstPurchaseAt);
        Assert.Equal(Now.AddDays(-10), ann.LastPurchaseAt);
        Assert.Equal(Now.AddDays(-30).AddMinutes(1), ann.LastEmailOpenAt);
        Assert.Equal(Now.AddDays(-29), ann.LastEmailClickAt);
        Assert.Equal(Now.AddDays(-9), ann.LastContactAt);
        Assert.Equal(("gold", 640d), (ann.LoyaltyTier, ann.LoyaltyPoints!.Value));
        Assert.Equal(summary.ToWatermark, ann.Watermark);
        Assert.Null(await TraitsOrNullAsync("ben"));
    }

    [Fact]
    public async Task Later_folds_add_only_the_new_touchpoints()
    {
        await _data.TouchAsync("ben", TouchpointChannel.Web, "page_view", 30, count: 9);
        var first = await _data.FoldAsync();
        Assert.Null((await TraitsAsync("ben")).TouchpointsBeforeFirstPurchase);

        await _data.TouchAsync("ben", TouchpointChannel.Web, "order_completed", 1, amount: 5m);
        await _data.TouchAsync("ben", TouchpointChannel.Loyalty, "tier_changed", 1, properties: """{"tier":"silver"}""");
        var second = await _data.FoldAsync(Now.AddMinutes(5));

        var ben = await TraitsAsync("ben");
        Assert.Equal(first.ToWatermark, second.FromWatermark);
        Assert.Equal(1, second.RowsWritten);
        Assert.Equal((1, 5d, 11, 9, "silver"), (ben.PurchaseCount, ben.Revenue, ben.TouchpointCount, ben.TouchpointsBeforeFirstPurchase!.Value, ben.LoyaltyTier));
        Assert.Equal(Now.AddMinutes(5), ben.ComputedAt);
    }

    [Fact]
    public async Task A_fold_with_nothing_new_changes_nothing()
    {
        await _data.TouchAsync("ann", TouchpointChannel.Web, "order_completed", 3, amount: 7m);
        await _data.FoldAsync();

        var again = await _data.FoldAsync(Now.AddMinutes(1));

        Assert.Equal(0, again.RowsWritten);
        Assert.Equal(1, (await TraitsAsync("ann")).PurchaseCount);
    }

    [Fact]
    public async Task A_merge_recomputes_the_survivor_and_drops_the_absorbed_profile()
    {
        await _data.TouchAsync("ann", TouchpointChannel.Web, "order_completed", 3, amount: 7m);
        await _data.TouchAsync("ben", TouchpointChannel.Web, "page_view", 5, count: 4);
        await _data.FoldAsync();

        // ben's record moves into ann's profile (a steward's merge) after the fold.
        await using (var db = database.CreateContext())
        {
            var membership = await db.Memberships.SingleAsync(m => m.RecordId == _data.Records["ben"]);
            membership.MoveTo(_data.Profiles["ann"], null, null, LinkOrigin.Steward, Now.AddMinutes(1));
            var ben = await db.Profiles.SingleAsync(p => p.Id == _data.Profiles["ben"]);
            var ann = await db.Profiles.SingleAsync(p => p.Id == _data.Profiles["ann"]);
            ben.MergeInto(ann, Now.AddMinutes(1));
            await db.SaveChangesAsync();
        }

        var summary = await _data.FoldAsync(Now.AddMinutes(2));

        var merged = await TraitsAsync("ann");
        Assert.Equal(2, summary.ProfilesRecomputed);
        Assert.Equal((1, 5, 4), (merged.PurchaseCount, merged.TouchpointCount, merged.TouchpointsBeforeFirstPurchase!.Value));
        Assert.Null(await TraitsOrNullAsync("ben"));
    }

    [Fact]
    public async Task A_full_fold_in_chunks_equals_the_incremental_result()
    {
        await _data.PersonAsync("cat", "DE");
        await _data.PersonAsync("dan", "GB");
        await _data.PersonAsync("eve", null);

        // Three waves, each later in time than the one before (as touchpoints arrive), folded after each.
        await _data.TouchAsync("ann", TouchpointChannel.Web, "page_view", 60, count: 3);
        await _data.TouchAsync("cat", TouchpointChannel.Email, "open", 58, count: 2);
        await _data.TouchAsync("dan", TouchpointChannel.Loyalty, "tier_changed", 57, metrics: """{"points_balance":100}""", properties: """{"tier":"bronze"}""");
        await _data.FoldAsync();
        await _data.TouchAsync("ann", TouchpointChannel.Web, "order_completed", 40, amount: 19.9m);
        await _data.TouchAsync("cat", TouchpointChannel.Email, "click", 39);
        await _data.TouchAsync("eve", TouchpointChannel.Ads, "ad_click", 38, count: 4);
        await _data.TouchAsync("dan", TouchpointChannel.Offline, "store_purchase", 37, amount: 5m);
        await _data.FoldAsync(Now.AddMinutes(1));
        await _data.TouchAsync("ann", TouchpointChannel.Web, "page_view", 20, count: 2);
        await _data.TouchAsync("cat", TouchpointChannel.Web, "order_completed", 19, amount: 7m);
        await _data.TouchAsync("dan", TouchpointChannel.Loyalty, "tier_changed", 18, metrics: """{"points_balance":900}""", properties: """{"tier":"gold"}""");
        await _data.FoldAsync(Now.AddMinutes(2));
        var incremental = await AllTraitsAsync();

        await ForgetTraitsAsync();
        var full = await _data.FoldAsync(Now.AddMinutes(3), chunkSize: 2);

        Assert.Equal(4, incremental.Count);
        Assert.Equal(4, full.RowsWritten);
        Assert.Equal(incremental, await AllTraitsAsync());
    }

    [Fact]
    public async Task An_interrupted_full_fold_resumes_at_its_next_chunk()
    {
        await _data.PersonAsync("cat", "DE");
        await _data.PersonAsync("dan", "GB");
        foreach (var name in new[] { "ann", "ben", "cat", "dan" })
        {
            await _data.TouchAsync(name, TouchpointChannel.Web, "page_view", 30, count: 3);
            await _data.TouchAsync(name, TouchpointChannel.Web, "order_completed", 20, amount: 10m);
        }

        // The fold is stopped after its first chunk of two profiles; a touchpoint arrives before it resumes.
        await using (var db = database.CreateContext())
        {
            Assert.True(await ProfileTraitFold.StartFullFoldAsync(db, Now, CancellationToken.None));
            Assert.Equal(2, await ProfileTraitFold.FoldChunkAsync(db, 2, CancellationToken.None));
        }

        await _data.TouchAsync("ben", TouchpointChannel.Web, "order_completed", 10, amount: 1m);
        var resumed = await _data.FoldAsync(Now.AddMinutes(1), chunkSize: 2);
        var afterResume = await AllTraitsAsync();

        await ForgetTraitsAsync();
        await _data.FoldAsync(Now.AddMinutes(2), chunkSize: 2);

        Assert.Equal(3, resumed.RowsWritten);
        Assert.Equal(4, afterResume.Count);
        Assert.Equal(2, (await TraitsAsync("ben")).PurchaseCount);
        Assert.Equal(await AllTraitsAsync(), afterResume);
    }

    [Fact]
    public async Task A_recompute_after_touchpoints_were_deleted_equals_a_fold_of_what_is_left_and_later_folds_still_add()
    {
        await _data.TouchAsync("ann", TouchpointChannel.Web, "page_view", 400, count: 3);
        await _data.TouchAsync("ann", TouchpointChannel.Web, "order_completed", 390, amount: 10m);
        await _data.TouchAsync("ann", TouchpointChannel.Email, "open", 5, count: 2);
        await _data.TouchAsync("ben", TouchpointChannel.Web, "page_view", 400, count: 2);
        await _data.FoldAsync();
        var computedAt = (await TraitsAsync("ann")).ComputedAt;

        // Retention takes every touchpoint older than a year away: ann keeps her two opens, ben keeps nothing.
        await using (var db = database.CreateContext())
        {
            await db.Touchpoints.Where(t => t.OccurredAt < Now.AddDays(-365)).ExecuteDeleteAsync();
            Assert.Equal(1, await ProfileTraitFold.RecomputeAsync(db, [_data.Profiles["ann"], _data.Profiles["ben"]], CancellationToken.None));
        }

        var ann = await TraitsAsync("ann");
        Assert.Equal((0, 2, 2), (ann.PurchaseCount, ann.TouchpointCount, ann.EmailOpens));
        Assert.Null(ann.FirstPurchaseAt);
        Assert.Equal(computedAt, ann.ComputedAt);
        Assert.Null(await TraitsOrNullAsync("ben"));
        var recomputed = await AllTraitsAsync();
        await ForgetTraitsAsync();
        await _data.FoldAsync(Now.AddMinutes(1));
        Assert.Equal(await AllTraitsAsync(), recomputed);

        await _data.TouchAsync("ann", TouchpointChannel.Web, "page_view", 1);
        await _data.FoldAsync(Now.AddMinutes(2));
        Assert.Equal(3, (await TraitsAsync("ann")).TouchpointCount);
    }

    [Fact]
    public async Task A_recompute_rebuilds_only_the_profiles_it_is_given_not_another_still_waiting_for_its_fold()
    {
        await TouchLongAgoAndLatelyAsync("ann");
        await TouchLongAgoAndLatelyAsync("ben");
        await _data.FoldAsync();

        // A split after the fold: ben's record, with touchpoints already folded, moves to cal, a new active
        // profile without a row; the next incremental fold gives cal its row, not a recompute of ann.
        var cal = await _data.PersonAsync("cal", "DE");
        await using (var db = database.CreateContext())
        {
            await db.Memberships.Where(m => m.RecordId == _data.Records["ben"]).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProfileId, cal));
            await db.Touchpoints.Where(t => t.OccurredAt < Now.AddDays(-365)).ExecuteDeleteAsync();
            Assert.Equal(1, await ProfileTraitFold.RecomputeAsync(db, [_data.Profiles["ann"]], CancellationToken.None));
        }

        Assert.Equal((1, 1), ((await TraitsAsync("ann")).TouchpointCount, (await TraitsAsync("ann")).EmailOpens));
        Assert.Null(await TraitsOrNullAsync("cal"));
        Assert.Equal(3, (await TraitsAsync("ben")).TouchpointCount);
    }

    [Fact]
    public async Task A_recompute_during_an_unfinished_full_fold_rebuilds_only_the_profiles_it_has_folded()
    {
        await TouchLongAgoAndLatelyAsync("ann");
        await TouchLongAgoAndLatelyAsync("ben");
        await using (var db = database.CreateContext())
        {
            // ann's id is the lower (created first): the first chunk of one profile folds her only.
            Assert.True(await ProfileTraitFold.StartFullFoldAsync(db, Now, CancellationToken.None));
            Assert.Equal(1, await ProfileTraitFold.FoldChunkAsync(db, 1, CancellationToken.None));
            await db.Touchpoints.Where(t => t.OccurredAt < Now.AddDays(-365)).ExecuteDeleteAsync();
            Assert.Equal(1, await ProfileTraitFold.RecomputeAsync(db, [_data.Profiles["ann"], _data.Profiles["ben"]], CancellationToken.None));
        }

        Assert.Equal(1, (await TraitsAsync("ann")).TouchpointCount);
        Assert.Null(await TraitsOrNullAsync("ben"));
        await _data.FoldAsync(Now.AddMinutes(1), chunkSize: 1);
        Assert.Equal(1, (await TraitsAsync("ben")).TouchpointCount);
    }

    /// <summary>Two page views older than a year (what a retention purge takes) and an email open five days ago.</summary>
    private async Task TouchLongAgoAndLatelyAsync(string name)
    {
        await _data.TouchAsync(name, TouchpointChannel.Web, "page_view", 400, count: 2);
        await _data.TouchAsync(name, TouchpointChannel.Email, "open", 5);
    }

    /// <summary>Every row, without computed_at (a fold's own time).</summary>
    private async Task<List<string>> AllTraitsAsync()
    {
        await using var db = database.CreateContext();
        var rows = await db.ProfileTraits.AsNoTracking().ToListAsync();
        return [.. rows.Select(t => FormattableString.Invariant(
                $"{t.ProfileId} {t.PurchaseCount} {t.Revenue} {t.FirstPurchaseAt:O} {t.LastPurchaseAt:O} {t.TouchpointCount} {t.TouchpointsBeforeFirstPurchase} {t.EmailOpens} {t.EmailClicks} {t.LastEmailOpenAt:O} {t.LastEmailClickAt:O} {t.LastContactAt:O} {t.LoyaltyTier} {t.LoyaltyPoints} {t.LoyaltyAt:O} {t.Watermark}"))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>No traits: the next fold is a full one.</summary>
    private async Task ForgetTraitsAsync()
    {
        await using var db = database.CreateContext();
        await db.ProfileTraits.ExecuteDeleteAsync();
    }

    private async Task<ProfileTraits> TraitsAsync(string name) =>
        await TraitsOrNullAsync(name) ?? throw new InvalidOperationException($"{name} has no traits row.");

    private async Task<ProfileTraits?> TraitsOrNullAsync(string name)
    {
        await using var db = database.CreateContext();
        return await db.ProfileTraits.AsNoTracking().SingleOrDefaultAsync(t => t.ProfileId == _data.Profiles[name]);
    }
}

public sealed class SqliteProfileTraitFoldTests(SqliteTestDatabase database) : ProfileTraitFoldTests<SqliteTestDatabase>(database);

public sealed class PostgresProfileTraitFoldTests(PostgresTestDatabase database) : ProfileTraitFoldTests<PostgresTestDatabase>(database);

public sealed class SqlServerProfileTraitFoldTests(SqlServerTestDatabase database) : ProfileTraitFoldTests<SqlServerTestDatabase>(database);
