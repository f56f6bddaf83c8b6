using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ProfileHub.Core.Profiles;
using ProfileHub.Storage;

namespace ProfileHub.Server.Matching;

/// <summary>
/// The bulk of a match run's writes: new memberships, review items and survived attribute rows. On
/// PostgreSQL they go in with binary COPY inside the run's transaction (EF Core's row-by-row inserts are the
/// slowest part of a large run: ~25 s for 70,000 rows here); on SQLite, the embedded small-data default,
/// they are plain EF Core inserts.
/// </summary>
internal sealed class PendingInserts(ProfileHubDbContext db)
{
    private readonly bool _copy = db.Database.IsNpgsql();
    private readonly List<PendingMembership> _memberships = [];
    private readonly List<PendingReview> _reviews = [];
    private readonly List<(Guid Profile, ProfileAttributeValue Value)> _attributes = [];
    private readonly List<GoldenProfile> _profiles = [];
    private readonly HashSet<Guid> _replaced = [];

    public void Add(PendingMembership membership)
    {
        if (_copy)
        {
            _memberships.Add(membership);
        }
        else
        {
            db.Memberships.Add(membership.ToEntity());
        }
    }

    public void Add(PendingReview item)
    {
        if (_copy)
        {
            _reviews.Add(item);
        }
        else
        {
            db.ReviewItems.Add(item.ToEntity());
        }
    }

    /// <summary>Whether a profile's current attribute rows must be loaded for EF Core to replace them.</summary>
    public bool TracksAttributes => !_copy;

    /// <summary>
    /// After survivorship replaced a profile's attributes: on PostgreSQL the new rows leave the profile (its
    /// summary columns are already set) to be copied after the save, and its old rows, never loaded, are
    /// deleted with one statement per run. Change detection over tens of thousands of rows is avoided.
    /// </summary>
    public void TakeAttributes(GoldenProfile profile)
    {
        if (!_copy)
        {
            return;
        }

        _attributes.AddRange(profile.Attributes.Select(a => (profile.Id, a)));
        _replaced.Add(profile.Id);
        profile.Attributes.Clear();
    }

    /// <summary>
    /// After change detection, before SaveChanges: takes the new profiles out of the change tracker and copies
    /// them (first: moved memberships may point at them), and deletes the replaced attribute rows.
    /// </summary>
    public async Task TakeOverAsync(CancellationToken cancellationToken)
    {
        if (!_copy)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries<GoldenProfile>().Where(e => e.State == EntityState.Added).ToList())
        {
            _profiles.Add(entry.Entity);
            entry.State = EntityState.Detached;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await CopyAsync(connection, "profiles (id, version, status, created_at, updated_at, given_name, family_name, primary_email, primary_phone, city, country, birth_date)", _profiles, async (copy, p) =>
        {
            await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(p.Version, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(p.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            foreach (var text in (string?[])[p.GivenName, p.FamilyName, p.PrimaryEmail, p.PrimaryPhone, p.City, p.Country])
            {
                await WriteAsync(copy, text, NpgsqlDbType.Varchar, cancellationToken);
            }

            await WriteAsync(copy, p.BirthDate, NpgsqlDbType.Date, cancellationToken);
        }, cancellationToken);
        await db.ProfileAttributes.WhereIn(a => a.ProfileId, _replaced).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>After SaveChanges: writes the rest of what was taken, on the context's connection and so inside its transaction.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_copy)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await CopyAsync(connection, "profile_memberships (record_id, profile_id, score, explanation, linked_by, linked_at)", _memberships, async (copy, m) =>
        {
            await copy.WriteAsync(m.RecordId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(m.ProfileId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteAsync(copy, m.Score, NpgsqlDbType.Double, cancellationToken);
            await WriteAsync(copy, m.ExplanationJsonText(), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(m.LinkedBy.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(m.At, NpgsqlDbType.TimestampTz, cancellationToken);
        }, cancellationToken);
        await CopyAsync(connection, "review_items (record_a, record_b, score, explanation, status, created_at)", _reviews, async (copy, r) =>
        {
            var item = r.ToEntity();
            await copy.WriteAsync(item.RecordA, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(item.RecordB, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(item.Score, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(item.Explanation, NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(item.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(item.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }, cancellationToken);
        await CopyAsync(connection, "profile_attributes (profile_id, name, value, ordinal, source_record_id, source, observed_at, rule, pinned)", _attributes, async (copy, row) =>
        {
            var a = row.Value;
            await copy.WriteAsync(row.Profile, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(a.Name, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(a.Value, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(a.Ordinal, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(copy, a.SourceRecordId, NpgsqlDbType.Bigint, cancellationToken);
            await WriteAsync(copy, a.Source, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(copy, a.ObservedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(a.Rule, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(a.Pinned, NpgsqlDbType.Boolean, cancellationToken);
        }, cancellationToken);
    }

    private async Task CopyAsync<T>(
        NpgsqlConnection connection, string target, List<T> rows, Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // The run's command timeout (MatchRunner sets one for batch work), not Npgsql's 30 s default.
        var commandTimeout = TimeSpan.FromSeconds(db.Database.GetCommandTimeout() ?? 30);

        await using var copy = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        copy.Timeout = commandTimeout;
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await write(copy, row);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, type, cancellationToken);
        }
    }
}
