using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ProfileHub.Core.Profiles;
using ProfileHub.Core.Stewardship;

namespace ProfileHub.Storage.Bulk;

/// <summary>
/// PostgreSQL: a match run's new profiles, memberships, review items and survived attribute rows go in with
/// binary COPY inside the run's transaction (EF Core's row-by-row inserts are the slowest part of a large
/// run: ~25 s for 70,000 rows here).
/// </summary>
internal sealed class PostgresProfileRows(ProfileHubDbContext db) : ProfileRows(db)
{
    private readonly List<IPendingRow<ProfileMembership>> _memberships = [];
    private readonly List<IPendingRow<ReviewItem>> _reviews = [];
    private readonly List<(Guid Profile, ProfileAttributeValue Value)> _attributes = [];
    private readonly List<GoldenProfile> _profiles = [];
    private readonly HashSet<Guid> _replaced = [];

    public override void Add(IPendingRow<ProfileMembership> membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        _memberships.Add(membership);
    }

    public override void Add(IPendingRow<ReviewItem> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _reviews.Add(item);
    }

    public override bool TracksAttributes => false;

    /// <summary>
    /// The new rows leave the profile (its summary columns are already set) to be copied after the save, and
    /// its old rows, never loaded, are deleted with one statement per run. Change detection over tens of
    /// thousands of rows is avoided.
    /// </summary>
    public override void TakeAttributes(GoldenProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _attributes.AddRange(profile.Attributes.Select(a => (profile.Id, a)));
        _replaced.Add(profile.Id);
        profile.Attributes.Clear();
    }

    /// <summary>
    /// Takes the new profiles out of the change tracker and copies them (first: moved memberships may point at
    /// them), and deletes the replaced attribute rows.
    /// </summary>
    public override async Task TakeOverAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in Db.ChangeTracker.Entries<GoldenProfile>().Where(e => e.State == EntityState.Added).ToList())
        {
            _profiles.Add(entry.Entity);
            entry.State = EntityState.Detached;
        }

        await CopyAsync("profiles (id, version, status, created_at, updated_at, given_name, family_name, primary_email, primary_phone, city, country, birth_date)", _profiles, async (copy, p, ct) =>
        {
            await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(p.Version, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(p.Status.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            foreach (var text in (string?[])[p.GivenName, p.FamilyName, p.PrimaryEmail, p.PrimaryPhone, p.City, p.Country])
            {
                await copy.WriteNullableAsync(text, NpgsqlDbType.Varchar, ct);
            }

            await copy.WriteNullableAsync(p.BirthDate, NpgsqlDbType.Date, ct);
        }, cancellationToken);
        await Db.ProfileAttributes.WhereIn(a => a.ProfileId, _replaced).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Writes the rest of what was taken, each membership and review item made as it is written.</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await CopyAsync("profile_memberships (record_id, profile_id, score, explanation, linked_by, linked_at)", _memberships.Select(m => m.ToEntity()), async (copy, m, ct) =>
        {
            await copy.WriteAsync(m.RecordId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(m.ProfileId, NpgsqlDbType.Uuid, ct);
            await copy.WriteNullableAsync(m.Score, NpgsqlDbType.Double, ct);
            await copy.WriteNullableAsync(m.Explanation, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(m.LinkedBy.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(m.LinkedAt, NpgsqlDbType.TimestampTz, ct);
        }, cancellationToken);
        await CopyAsync("review_items (record_a, record_b, score, explanation, status, created_at)", _reviews.Select(r => r.ToEntity()), async (copy, item, ct) =>
        {
            await copy.WriteAsync(item.RecordA, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(item.RecordB, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(item.Score, NpgsqlDbType.Double, ct);
            await copy.WriteAsync(item.Explanation, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(item.Status.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(item.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }, cancellationToken);
        await CopyAsync("profile_attributes (profile_id, name, value, ordinal, source_record_id, source, observed_at, rule, pinned)", _attributes, async (copy, row, ct) =>
        {
            var a = row.Value;
            await copy.WriteAsync(row.Profile, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(a.Name, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.Value, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(a.Ordinal, NpgsqlDbType.Integer, ct);
            await copy.WriteNullableAsync(a.SourceRecordId, NpgsqlDbType.Bigint, ct);
            await copy.WriteNullableAsync(a.Source, NpgsqlDbType.Varchar, ct);
            await copy.WriteNullableAsync(a.ObservedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(a.Rule, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.Pinned, NpgsqlDbType.Boolean, ct);
        }, cancellationToken);
    }

    /// <summary>On the context's connection, so inside its transaction, with the run's command timeout (MatchRunner sets one for batch work), not Npgsql's 30 s default.</summary>
    private Task CopyAsync<T>(string target, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        PostgresCopy.IntoAsync(
            (NpgsqlConnection)Db.Database.GetDbConnection(), target, rows, write, TimeSpan.FromSeconds(Db.Database.GetCommandTimeout() ?? 30), cancellationToken);
}
