using System.Globalization;

namespace ProfileHub.Server.Matching;

/// <summary>What one match run did, as the verb prints it and the job logs it.</summary>
internal sealed record MatchSummary(
    bool Rebuilt,
    int RecordsProcessed,
    int ProfilesCreated,
    int ProfilesMerged,
    int ProfilesTouched,
    int ReviewItemsQueued,
    TimeSpan Elapsed)
{
    /// <summary>Whether the run resolved a record or changed a profile or the review queue.</summary>
    public bool DidAnything => RecordsProcessed + ProfilesCreated + ProfilesMerged + ProfilesTouched + ReviewItemsQueued > 0;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Rebuilt ? "rebuild" : "incremental")}: {RecordsProcessed} records processed, {ProfilesCreated} profiles created, " +
        $"{ProfilesMerged} merged, {ProfilesTouched} touched, {ReviewItemsQueued} review items queued in {Elapsed.TotalSeconds:0.0} s");
}
