namespace ProfileHub.Core.Matching;

/// <summary>
/// The one default configuration of the matching engine. Thresholds are total match weights in
/// log2 Bayes-factor units, including the prior log-odds that two random records match, as Splink
/// reports them (so +6.6 is a match probability of 0.99).
/// </summary>
public sealed record MatchSettings
{
    public static MatchSettings Default { get; } = new();

    /// <summary>At or above (match probability 0.5): linked automatically, subject to the guards.</summary>
    public double UpperThreshold { get; init; }

    /// <summary>
    /// At or above (match probability 1/3) and below the upper threshold: the review queue, the band where a
    /// steward's decision pays: with the prior calibrated (<see cref="BatchResolver"/>), at least one queued
    /// pair in three is one person. Lower floods stewards with strangers sharing a common name: at 2,000,000
    /// synthetic records a bar at 1/65 queued 3.4 pairs per record.
    /// </summary>
    public double LowerThreshold { get; init; } = -1.0;

    /// <summary>
    /// A weak identity conflict (another first name, a birth date a year or more apart) between two profiles
    /// is tolerated in a merge when the conflicting pair's own weight, which already counts the difference,
    /// is at or above this (match probability 1/65): corrupted duplicates carry such differences often.
    /// </summary>
    public double ConflictTolerance { get; init; } = -6.0;

    /// <summary>A name/address blocking key shared by more records than this is skipped (too common to be evidence).</summary>
    public int MaxBlockSize { get; init; } = 100;

    /// <summary>An identifier (email, phone, id) held by more records than this is junk: no block, no weight.</summary>
    public int JunkIdentifierCount { get; init; } = 50;

    /// <summary>Random record pairs sampled to estimate u-probabilities.</summary>
    public int RandomPairSamples { get; init; } = 1_000_000;

    public int MaxEmIterations { get; init; } = 40;

    /// <summary>
    /// Fewer candidate pairs than this and the shipped default model scores them (<see cref="DefaultMatchModel"/>):
    /// EM needs pairs of every kind to tell matches from non-matches, and random-pair u estimates need records.
    /// </summary>
    public int MinTrainingPairs { get; init; } = 250;

    /// <summary>Seed of the random pair sampler: same input, same model, same clusters.</summary>
    public int Seed { get; init; } = 20261122;

    /// <summary>Region assumed for phone numbers written without a country code.</summary>
    public string? DefaultPhoneRegion { get; init; }

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Keep every scored candidate pair in the run, those below the lower threshold too (as Apart), so an
    /// explanation file lists every pair the engine looked at (`profilehub resolve --explain`).
    /// </summary>
    public bool KeepApartPairs { get; init; }
}
