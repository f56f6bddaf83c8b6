using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;
using ProfileHub.Storage.Bulk;
using ProfileHub.Storage.Tests.Support;
using ProfileHub.Testing;

namespace ProfileHub.Storage.Tests.Bulk;

/// <summary>
/// A match run's profile rows, written as its database writes them (EF Core tracked inserts on SQLite, binary
/// COPY on PostgreSQL), in the order MatchRunner calls them: the same rows on every database, inside the run's
/// transaction.
/// </summary>
public abstract class ProfileRowsTests<TDatabase>(TDatabase database, bool copies) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly SegmentData _data = new(database, Now);

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await _data.PersonAsync("ann", "GB");
        await _data.PersonAsync("ben", "FR");

        // ben's record is between profiles: the run gives it a new one.
        await using var db = database.CreateContext();
        await db.Memberships.Where(m => m.RecordId == _data.Records["ben"]).ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_run_writes_new_profiles_memberships_review_items_and_replaced_attributes_in_its_transaction()
    {
        var created = await RunAsync(commit: true);

        await using var db = database.CreateContext();
        var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == created);
        Assert.Equal(("Ben", "ben@example.com", new DateOnly(1990, 4, 2), 2), (profile.GivenName, profile.PrimaryEmail, profile.BirthDate, profile.Version));
        var membership = await db.Memberships.AsNoTracking().SingleAsync(m => m.RecordId == _data.Records["ben"]);
        Assert.Equal((created, (double?)null, (string?)null, LinkOrigin.Seed, Now), (membership.ProfileId, membership.Score, membership.Explanation, membership.LinkedBy, membership.LinkedAt));
        var review = await db.ReviewItems.AsNoTracking().SingleAsync();
        Assert.Equal((_data.Records["ann"], _data.Records["ben"], 1.5, ReviewStatus.Open), (review.RecordA, review.RecordB, review.Score, review.Status));
        Assert.Contains("\"total\"", review.Explanation, StringComparison.Ordinal);
        Assert.Equal(
            [$"{_data.Profiles["ann"]} Email anne@example.com 0 {_data.Records["ann"]} shop MostRecent False", $"{_data.Profiles["ann"]} FirstName Anne 0 {_data.Records["ann"]} shop MostRecent False",
             $"{created} BirthDate 1990-04-02 0 {_data.Records["ben"]} shop SourceTrust False", $"{created} Email ben@example.com 0 {_data.Records["ben"]} shop SourceTrust False",
             $"{created} FirstName Ben 0 {_data.Records["ben"]} shop SourceTrust False"],
            await AttributesAsync(db, _data.Profiles["ann"], created));
        Assert.Equal("Anne", (await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == _data.Profiles["ann"])).GivenName);
    }

    [Fact]
    public async Task A_run_rolled_back_leaves_no_row_and_the_old_attributes()
    {
        var created = await RunAsync(commit: false);

        await using var db = database.CreateContext();
        Assert.False(await db.Profiles.AnyAsync(p => p.Id == created));
        Assert.False(await db.Memberships.AnyAsync(m => m.RecordId == _data.Records["ben"]));
        Assert.False(await db.ReviewItems.AnyAsync());
        Assert.Equal(
            [$"{_data.Profiles["ann"]} Country GB 0  shop SourceTrust False", $"{_data.Profiles["ann"]} FirstName ann 0  shop SourceTrust False"],
            await AttributesAsync(db, _data.Profiles["ann"], created));
    }

    [Fact]
    public void The_provider_decides_whether_the_rows_are_copied_or_tracked()
    {
        using var db = database.CreateContext();
        Assert.Equal(!copies, ProfileRows.For(db).TracksAttributes);
    }

    /// <summary>
    /// One run as MatchRunner stages and writes it: a new profile for ben's record, ann's attributes replaced,
    /// a review item for the two records. Returns the new profile's id.
    /// </summary>
    private async Task<Guid> RunAsync(bool commit)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rows = ProfileRows.For(db);
        IQueryable<GoldenProfile> profiles = rows.TracksAttributes ? db.Profiles.Include(p => p.Attributes) : db.Profiles;
        var ann = await profiles.SingleAsync(p => p.Id == _data.Profiles["ann"]);
        var ben = new GoldenProfile(Guid.CreateVersion7(Now), Now);
        db.Profiles.Add(ben);

        rows.Add(new Pending<ProfileMembership>(new(_data.Records["ben"], ben.Id, null, null, LinkOrigin.Seed, Now)));
        rows.Add(new Pending<ReviewItem>(new(_data.Records["ben"], _data.Records["ann"], 1.5, """{"total":1.5}""", Now)));
        ann.ReplaceAttributes([Value("FirstName", "Anne", "ann", "MostRecent"), Value("Email", "anne@example.com", "ann", "MostRecent")], Now);
        rows.TakeAttributes(ann);
        ben.ReplaceAttributes(
            [Value("FirstName", "Ben", "ben", "SourceTrust"), Value("Email", "ben@example.com", "ben", "SourceTrust"), Value("BirthDate", "1990-04-02", "ben", "SourceTrust")], Now);
        rows.TakeAttributes(ben);

        db.ChangeTracker.DetectChanges();
        await rows.TakeOverAsync(CancellationToken.None);
        await db.SaveChangesAsync();
        await rows.FlushAsync(CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return ben.Id;
    }

    private ProfileAttributeValue Value(string name, string value, string person, string rule) =>
        new(name, value, 0, new AttributeLineage(_data.Records[person], "shop", Now.AddDays(-1), rule, false));

    private static async Task<List<string>> AttributesAsync(ProfileHubDbContext db, params Guid[] profiles)
    {
        var rows = await db.ProfileAttributes.AsNoTracking().WhereIn(a => a.ProfileId, profiles).ToListAsync();
        return [.. rows.Select(a => $"{a.ProfileId} {a.Name} {a.Value} {a.Ordinal} {a.SourceRecordId} {a.Source} {a.Rule} {a.Pinned}").Order(StringComparer.Ordinal)];
    }

    private sealed record Pending<TEntity>(TEntity Entity) : IPendingRow<TEntity>
    {
        public TEntity ToEntity() => Entity;
    }
}

public sealed class SqliteProfileRowsTests(SqliteTestDatabase database) : ProfileRowsTests<SqliteTestDatabase>(database, copies: false);

public sealed class PostgresProfileRowsTests(PostgresTestDatabase database) : ProfileRowsTests<PostgresTestDatabase>(database, copies: true);

public sealed class SqlServerProfileRowsTests(SqlServerTestDatabase database) : ProfileRowsTests<SqlServerTestDatabase>(database, copies: false);
