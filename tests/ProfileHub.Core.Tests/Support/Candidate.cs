using ProfileHub.Core.Survivorship;

namespace ProfileHub.Core.Tests.Support;

/// <summary>Builds survivorship candidates with readable defaults so each test states only what matters.</summary>
internal static class Candidate
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static AttributeCandidate Of(
        string value,
        string recordId,
        int trust = 50,
        int daysAfterEpoch = 0,
        double completeness = 0.5,
        string? source = null) =>
        new(value, source ?? "source-" + recordId, trust, Epoch.AddDays(daysAfterEpoch), recordId, completeness);
}
