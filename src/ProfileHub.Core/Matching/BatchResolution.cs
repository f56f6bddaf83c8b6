using System.Diagnostics;

namespace ProfileHub.Core.Matching;

/// <summary>
/// A stateless batch resolution (`profilehub resolve`): every record against every other, a model trained on
/// them, profiles out. The public face of <see cref="BatchResolver"/> and the run it makes, for callers outside
/// Core; the match job's runs go through <see cref="MatchResolution"/>.
/// </summary>
public sealed class BatchResolution
{
    private readonly MatchRun _run;

    private BatchResolution(MatchRun run) => _run = run;

    /// <summary>
    /// Resolves <paramref name="records"/>. The list is emptied once they are normalized: at a million records
    /// the raw values are freed before blocking and scoring allocate.
    /// </summary>
    public static BatchResolution Resolve(List<MatchInput> records, MatchSettings settings, StewardConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(records);
        var clock = Stopwatch.StartNew();
        var normalized = BatchResolver.Normalize(records, settings);
        var timings = new Dictionary<string, TimeSpan> { ["normalize"] = clock.Elapsed };
        clock.Restart();
        records.Clear();
        records.TrimExcess();
        return new BatchResolution(BatchResolver.Resolve(normalized, settings, constraints, timings, clock));
    }

    /// <summary>The comparisons an explanation lists, in its order, by their readable names ("first name").</summary>
    public static IReadOnlyList<string> ComparisonNames { get; } = [.. Comparisons.All.Select(c => c.Name)];

    public int RecordCount => _run.RecordCount;

    public BlockingStats Blocking => _run.Blocking;

    /// <summary>Seconds per stage (normalize, block, train, score, cluster), for the summary line.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Timings => _run.Timings;

    /// <summary>The input id of the record at <paramref name="index"/> (0 to <see cref="RecordCount"/> - 1).</summary>
    public string RecordId(int index) => _run.Table.RecordId(index);

    /// <summary>The stable profile id of each record, by index.</summary>
    public string[] ProfileIds() => _run.ProfileIds();

    /// <summary>Every scored pair with its explanation (apart ones included when the settings keep them).</summary>
    public IEnumerable<MatchExplanation> Explanations() => _run.Explanations();

    /// <summary>How many scored pairs were decided <paramref name="decision"/>.</summary>
    public int PairsDecided(MatchDecision decision) => _run.Pairs.Count(p => _run.DecisionFor(p) == decision);

    /// <summary>The review queue's length: one item per pair of profiles.</summary>
    public int ReviewItems => _run.ReviewQueue().Count;
}
