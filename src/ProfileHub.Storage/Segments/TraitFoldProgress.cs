namespace ProfileHub.Storage.Segments;

/// <summary>
/// The state of a full trait fold (table trait_fold_progress, migration 0008): the touchpoint id it folds up
/// to, when it started (every row it writes carries that time as computed_at, so memberships linked during
/// the fold are recomputed by the next incremental fold), and the last profile id of the chunks committed so
/// far. A row without <see cref="CompletedAt"/> is a fold to resume. Advanced by ExecuteUpdate inside each
/// chunk's transaction (ProfileTraitFold), never through the change tracker.
/// </summary>
internal sealed class TraitFoldProgress
{
    public const int SingletonId = 1;

    private TraitFoldProgress()
    {
    }

    public TraitFoldProgress(long highWatermark, DateTimeOffset startedAt)
    {
        Id = SingletonId;
        HighWatermark = highWatermark;
        StartedAt = startedAt.ToUniversalTime();
    }

    public int Id { get; private set; }

    public long HighWatermark { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The highest profile id folded; null before the first chunk.</summary>
    public Guid? FoldedThrough { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }
}
