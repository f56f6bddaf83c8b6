using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;
using ProfileHub.Storage;
using ProfileHub.Storage.Bulk;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Server.Ingestion;

/// <summary>
/// Runs one connector once: records a <see cref="ConnectorRun"/>, reads the source's batches from the
/// stored watermark, and commits each batch in ONE transaction with its rows, quarantine, counts and
/// watermark, so a crash or kill resumes at the last committed watermark with no gap and no duplicate.
/// The Quartz job and `profilehub import` both run this.
/// </summary>
public sealed partial class IngestionRun(
    StorageProvider provider,
    ConnectorSourceRegistry sources,
    TimeProvider clock,
    ILoggerFactory loggers,
    IngestionOptions? options = null)
{
    // Quarantined payloads are kept verbatim up to this size; a larger one is cut (the position still finds it).
    private const int MaxQuarantinedPayload = 1 << 20;
    private const int MaxPosition = 400;

    private readonly BulkWriter _writer = BulkWriter.For(provider);
    private readonly IngestionOptions _options = options ?? new IngestionOptions();
    private readonly ILogger _logger = loggers.CreateLogger<IngestionRun>();

    /// <summary>
    /// Runs the connector named <paramref name="connectorName"/>; a failure is recorded on the run, then rethrown.
    /// <paramref name="fromStart"/> reads the source from the beginning instead of the stored watermark
    /// (what is already stored is recognised and skipped).
    /// </summary>
    public async Task<IngestionSummary> ExecuteAsync(string connectorName, IProgress<IngestionSummary>? progress, CancellationToken cancellationToken, bool fromStart = false)
    {
        await using var db = NewContext();
        var connector = await db.Connectors.SingleOrDefaultAsync(c => c.Name == connectorName, cancellationToken)
            ?? throw new InvalidOperationException($"No connector named '{connectorName}' is configured.");
        var source = sources.Resolve(connector.Kind, connector.Format);
        await MarkAbandonedRunsAsync(db, cancellationToken);
        var run = new ConnectorRun(connector, clock.GetUtcNow());
        db.ConnectorRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await using var heartbeat = new RunHeartbeat(run.Id, _options.HeartbeatInterval, NewContext, clock, _logger);

        var summary = new IngestionSummary(connector.Name, run.Id);
        var erased = await ErasedPeople.LoadAsync(db, cancellationToken);
        var started = clock.GetTimestamp();
        try
        {
            using var http = TransientHttpRetry.CreateClient(clock, _options.HttpRetries, _options.HttpRetryDelay);
            var context = new ConnectorContext(connector.Id, connector.Name, connector.Kind,
                ConnectorSettings.Parse(connector.Settings, _options.BaseDirectoryOf(connector.Name)), clock, http,
                new InboundPayloadStore(NewContext), loggers.CreateLogger($"ProfileHub.Connectors.{connector.Name}"));
            var shift = await TimestampShift.ForAsync(context.Settings, NewContext, clock, cancellationToken);
            await foreach (var batch in ReadAhead(source.ReadAsync(context, fromStart ? null : connector.State, cancellationToken), cancellationToken))
            {
                summary = summary.Add(await CommitAsync(db, connector, run, shift.Apply(batch), erased, cancellationToken));
                progress?.Report(summary);
            }

            run.Complete(clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            LogCompleted(_logger, connector.Name, summary.RowsRead, summary.Accepted, summary.Duplicates, summary.Quarantined, summary.HeldBack);
            return summary with { Watermark = connector.State, Elapsed = clock.GetElapsedTime(started) };
        }
        catch (Exception e)
        {
            await RecordFailureAsync(run.Id, e);
            throw;
        }
    }

    /// <summary>
    /// Marks failed every run, of any connector, whose process died without finishing it (killed, crashed): it
    /// would otherwise stay Running forever. Runs of live processes, this one's or another server's, keep
    /// their heartbeat fresh and are left alone. The finish time recorded is the last heartbeat.
    /// </summary>
    private async Task MarkAbandonedRunsAsync(ProfileHubDbContext db, CancellationToken cancellationToken)
    {
        var abandoned = await db.ConnectorRuns.Where(ConnectorRun.IsAbandoned(clock.GetUtcNow())).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Status, RunStatus.Failed)
            .SetProperty(r => r.FinishedAt, r => (DateTimeOffset?)r.HeartbeatAt)
            .SetProperty(r => r.Error, ConnectorRun.AbandonedError), cancellationToken);
        if (abandoned > 0)
        {
            LogAbandoned(_logger, abandoned);
        }
    }

    /// <summary>
    /// Reads the next batch while the current one is being committed (parsing and writing overlap), never
    /// more than two ahead. A source failure surfaces at the batch where it happened, after every batch before
    /// it was committed.
    /// </summary>
    private static async IAsyncEnumerable<SourceBatch> ReadAhead(IAsyncEnumerable<SourceBatch> batches, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<SourceBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in batches.WithCancellation(stop.Token))
                {
                    await channel.Writer.WriteAsync(batch, stop.Token);
                }

                channel.Writer.Complete();
            }
#pragma warning disable CA1031 // Not swallowed: the channel hands the exception to the reader, which rethrows it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(CancellationToken.None))
            {
                yield return batch;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }

    private async Task<IngestionSummary> CommitAsync(ProfileHubDbContext db, Connector connector, ConnectorRun run, SourceBatch batch, ErasedPeople? erased, CancellationToken cancellationToken)
    {
        if (batch.WatermarkAfter is { } watermark && !DraftConversion.IsJson(watermark))
        {
            throw new InvalidOperationException($"Source {connector.Kind}/{connector.Format} gave a watermark that is not JSON: {Cut(watermark, 200)}");
        }

        var now = clock.GetUtcNow();
        var conversion = new DraftConversion(connector.Id, _options.Rules, now);
        var (records, superseded) = conversion.Records(batch.Records);
        var touchpoints = conversion.Touchpoints(batch.Touchpoints);
        var rejected = batch.Rejected.Concat(conversion.Rejected).ToList();
        var heldBack = erased is null ? 0 : await erased.HoldBackAsync(db, connector.Id, records, touchpoints, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var recordsWritten = await _writer.UpsertRecordsAsync(connection, dbTransaction, connector.Id, records, cancellationToken);
        var touchpointsInserted = await _writer.InsertTouchpointsAsync(connection, dbTransaction, connector.Id, touchpoints, cancellationToken);
        var quarantined = await NewlyQuarantinedAsync(db, connector.Id, run.Id, rejected, now, cancellationToken);
        db.QuarantinedRows.AddRange(quarantined);
        if (batch.InboundPayloadIds.Count > 0)
        {
            await db.InboundPayloads.WhereIn(p => p.Id, batch.InboundPayloadIds)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Processed, true).SetProperty(p => p.ProcessedAt, now), cancellationToken);
        }

        var part = new IngestionSummary(connector.Name, run.Id)
        {
            RowsRead = batch.RowsRead,
            RecordsWritten = recordsWritten,
            TouchpointsInserted = touchpointsInserted,
            Duplicates = superseded + (records.Count - recordsWritten) + (touchpoints.Count - touchpointsInserted) + (rejected.Count - quarantined.Count),
            Quarantined = quarantined.Count,
            HeldBack = heldBack,
            Batches = 1,
        };
        run.Count(part.RowsRead, part.Accepted, part.Duplicates, part.Quarantined);
        run.CommitBatch(batch.WatermarkAfter);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var row in quarantined)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        return part;
    }

    /// <summary>
    /// The rejected rows to quarantine: those this connector has not quarantined before at the same position with
    /// the same content (a row read again by `--from-start`, or in an export re-read whole, is there once).
    /// </summary>
    private static async Task<List<QuarantinedRow>> NewlyQuarantinedAsync(ProfileHubDbContext db, int connectorId, long runId, List<RejectedRow> rejected, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = rejected.Select(r => new QuarantinedRow(runId, connectorId, Cut(r.Position, MaxPosition), Cut(r.RawPayload, MaxQuarantinedPayload), r.Reason, now))
            .DistinctBy(r => (r.Position, r.RawPayload))
            .ToList();
        if (rows.Count == 0)
        {
            return rows;
        }

        var positions = rows.Select(r => r.Position).Distinct(StringComparer.Ordinal).ToList();
        var stored = (await db.QuarantinedRows.AsNoTracking()
                .Where(q => q.ConnectorId == connectorId && positions.Contains(q.Position))
                .Select(q => new { q.Position, q.RawPayload })
                .ToListAsync(cancellationToken))
            .Select(q => (q.Position, q.RawPayload))
            .ToHashSet();
        return [.. rows.Where(r => !stored.Contains((r.Position, r.RawPayload)))];
    }

    /// <summary>Records the failure through a fresh context: the failed batch's changes must not ride along.</summary>
    private async Task RecordFailureAsync(long runId, Exception error)
    {
        try
        {
            await using var db = NewContext();
            var run = await db.ConnectorRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
            run.Fail(error is OperationCanceledException ? "cancelled" : $"{error.GetType().Name}: {error.Message}", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // The original failure is what must reach the caller (and Quartz); this one is only logged.
        catch (Exception recordError)
#pragma warning restore CA1031
        {
            LogFailureNotRecorded(_logger, recordError, runId);
        }
    }

    private ProfileHubDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<ProfileHubDbContext>();
        provider.ConfigureDbContext(builder);
        return new ProfileHubDbContext(builder.Options);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector {Connector}: read {Read} rows, {Accepted} new or changed, {Duplicates} duplicates, {Quarantined} quarantined, {HeldBack} held back (erased people)")]
    private static partial void LogCompleted(ILogger logger, string connector, long read, long accepted, long duplicates, long quarantined, long heldBack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marked {Count} connector run(s) failed as abandoned: their process stopped without finishing them")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the failure of connector run {RunId}")]
    private static partial void LogFailureNotRecorded(ILogger logger, Exception error, long runId);
}

/// <summary>Settings of the ingestion pipeline itself (not of one connector).</summary>
public sealed class IngestionOptions
{
    /// <summary>Relative paths in connector settings resolve against this directory...</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>...unless the host says otherwise for a connector, by name (where its configuration came from).</summary>
    public IReadOnlyDictionary<string, string> BaseDirectories { get; init; } = new Dictionary<string, string>();

    public string BaseDirectoryOf(string connector) => BaseDirectories.GetValueOrDefault(connector, BaseDirectory);

    public TouchpointRules Rules { get; init; } = TouchpointRules.Default;

    public int HttpRetries { get; init; } = 4;

    public TimeSpan HttpRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a run proves it is alive; tests shorten it (the lease that condemns a run does not change).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = ConnectorRun.HeartbeatInterval;
}

/// <summary>What a run did so far: the progress display and the import summary.</summary>
public sealed record IngestionSummary(string Connector, long RunId)
{
    public long RowsRead { get; init; }

    public long RecordsWritten { get; init; }

    public long TouchpointsInserted { get; init; }

    public long Duplicates { get; init; }

    public long Quarantined { get; init; }

    /// <summary>Records and touchpoints of erased people, recognised by their tombstones and not stored.</summary>
    public long HeldBack { get; init; }

    public int Batches { get; init; }

    public string? Watermark { get; init; }

    /// <summary>From the run's start to its last commit.</summary>
    public TimeSpan Elapsed { get; init; }

    public double RowsPerSecond => RowsRead / Math.Max(Elapsed.TotalSeconds, 1e-3);

    public long Accepted => RecordsWritten + TouchpointsInserted;

    /// <summary>Whether the run stored anything new: then the match job has work.</summary>
    public bool Changed => Accepted > 0;

    public IngestionSummary Add(IngestionSummary part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return this with
        {
            RowsRead = RowsRead + part.RowsRead,
            RecordsWritten = RecordsWritten + part.RecordsWritten,
            TouchpointsInserted = TouchpointsInserted + part.TouchpointsInserted,
            Duplicates = Duplicates + part.Duplicates,
            Quarantined = Quarantined + part.Quarantined,
            HeldBack = HeldBack + part.HeldBack,
            Batches = Batches + part.Batches,
        };
    }
}
