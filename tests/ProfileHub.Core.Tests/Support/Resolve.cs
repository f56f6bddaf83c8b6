using ProfileHub.Core.Matching;

namespace ProfileHub.Core.Tests.Support;

/// <summary>Runs a batch resolve and answers "are these two records in one profile?".</summary>
internal sealed class Resolved
{
    private readonly Dictionary<string, string> _profileOf;

    public Resolved(IReadOnlyList<MatchInput> records, StewardConstraints? constraints = null, MatchSettings? settings = null)
    {
        Run = BatchResolver.Resolve(records, settings ?? MatchSettings.Default with { MaxDegreeOfParallelism = 2 }, constraints);
        var ids = Run.ProfileIds();
        _profileOf = Enumerable.Range(0, Run.RecordCount).ToDictionary(Run.Table.RecordId, i => ids[i], StringComparer.Ordinal);
    }

    public MatchRun Run { get; }

    public bool Together(string left, string right) => _profileOf[left] == _profileOf[right];

    public IEnumerable<(string RecordId, string ProfileId)> Assignments => _profileOf.Select(p => (p.Key, p.Value));

    public MatchExplanation Explanation(string left, string right) =>
        Run.Explanations().Single(e =>
            (e.LeftRecordId == left && e.RightRecordId == right) || (e.LeftRecordId == right && e.RightRecordId == left));
}
