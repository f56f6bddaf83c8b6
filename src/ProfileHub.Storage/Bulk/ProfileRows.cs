using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;

namespace ProfileHub.Storage.Bulk;

/// <summary>
/// The bulk of a match run's writes, on the run's context (its connection, transaction and command timeout):
/// new profiles, memberships, review items and survived attribute rows. Here they are EF Core tracked
/// inserts, saved by the run's SaveChanges, and a profile's attributes are replaced through its loaded
/// <see cref="GoldenProfile.Attributes"/>: SQLite's way (the embedded, small-data default) and SQL Server's. A
/// provider's bulk writer may write them its own way (<see cref="BulkWriter.ProfileRowsFor"/>; PostgreSQL copies them).
/// <para>
/// A run calls, in this order: <see cref="Add(IPendingRow{ProfileMembership})"/>, <see cref="Add(IPendingRow{ReviewItem})"/>
/// and <see cref="TakeAttributes"/> while it stages; <see cref="TakeOverAsync"/> after change detection, before
/// SaveChanges; <see cref="FlushAsync"/> after SaveChanges, before it commits.
/// </para>
/// </summary>
public class ProfileRows
{
    internal ProfileRows(ProfileHubDbContext db) => Db = db;

    private protected ProfileHubDbContext Db { get; }

    /// <summary>The profile rows of a match run on <paramref name="db"/>, as its database writes them.</summary>
    public static ProfileRows For(ProfileHubDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return BulkWriter.For(db.Provider).ProfileRowsFor(db);
    }

    public virtual void Add(IPendingRow<ProfileMembership> membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        Db.Memberships.Add(membership.ToEntity());
    }

    public virtual void Add(IPendingRow<ReviewItem> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Db.ReviewItems.Add(item.ToEntity());
    }

    /// <summary>Whether a profile's current attribute rows must be loaded (Include) for EF Core to replace them.</summary>
    public virtual bool TracksAttributes => true;

    /// <summary>After survivorship replaced <paramref name="profile"/>'s attributes; here EF Core's change detection replaces the rows.</summary>
    public virtual void TakeAttributes(GoldenProfile profile)
    {
    }

    /// <summary>After change detection, before SaveChanges: nothing here, SaveChanges inserts the new profiles.</summary>
    public virtual Task TakeOverAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After SaveChanges: nothing here, SaveChanges wrote every row.</summary>
    public virtual Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
