using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Storage;

namespace ProfileHub.Server.Ingestion;

/// <summary>
/// Moves every timestamp a connector reads by whole days, so that files written as of one day (the setting
/// `shiftTimestampsFrom`, yyyy-MM-dd) read as if written on the day this installation first loaded such data:
/// the demo samples end "yesterday" whenever they are loaded. The load day is stored once
/// (<see cref="SampleLoadDay"/>) and shared by every connector, so channels keep their order against each other
/// and a later run, on any day, moves the same rows by the same days: content hashes, source event ids and
/// watermarks (which never hold a shifted time) stay what they were, and nothing is loaded twice.
/// </summary>
public sealed class TimestampShift
{
    public const string Setting = "shiftTimestampsFrom";

    public static readonly TimestampShift None = new(TimeSpan.Zero);

    private TimestampShift(TimeSpan by)
    {
        By = by;
    }

    public TimeSpan By { get; }

    /// <summary>The connector's shift; the first connector that needs one records today as the load day.</summary>
    public static async Task<TimestampShift> ForAsync(ConnectorSettings settings, Func<ProfileHubDbContext> newContext, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(newContext);
        ArgumentNullException.ThrowIfNull(clock);
        if (settings.GetString(Setting) is not { } text)
        {
            return None;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            throw new InvalidOperationException($"Setting {Setting} '{text}' is not a date (yyyy-MM-dd).");
        }

        var loaded = await LoadDayAsync(newContext, clock, cancellationToken);
        return new TimestampShift(TimeSpan.FromDays(loaded.DayNumber - from.DayNumber));
    }

    public SourceBatch Apply(SourceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (By == TimeSpan.Zero)
        {
            return batch;
        }

        return batch with
        {
            Records = [.. batch.Records.Select(r => r with
            {
                ObservedAt = r.ObservedAt + By,
                Consents = [.. r.Consents.Select(c => c with { ObservedAt = c.ObservedAt + By })],
            })],
            Touchpoints = [.. batch.Touchpoints.Select(t => t with { OccurredAt = t.OccurredAt + By })],
        };
    }

    private static async Task<DateOnly> LoadDayAsync(Func<ProfileHubDbContext> newContext, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using (var db = newContext())
        {
            if (await FindAsync(db, cancellationToken) is { } day)
            {
                return day;
            }

            var now = clock.GetUtcNow();
            db.SampleLoadDays.Add(new SampleLoadDay(DateOnly.FromDateTime(now.UtcDateTime), now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another connector's first run recorded the day at the same moment: its row is the one read below.
            }
        }

        await using var again = newContext();
        return await FindAsync(again, cancellationToken) ?? throw new InvalidOperationException("The sample load day could not be recorded.");
    }

    private static Task<DateOnly?> FindAsync(ProfileHubDbContext db, CancellationToken cancellationToken) =>
        db.SampleLoadDays.AsNoTracking().Where(d => d.Id == SampleLoadDay.Installation).Select(d => (DateOnly?)d.Day).SingleOrDefaultAsync(cancellationToken);
}
