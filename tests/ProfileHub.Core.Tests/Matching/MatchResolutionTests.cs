using ProfileHub.Core.Matching;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;

namespace ProfileHub.Core.Tests.Matching;

public class MatchResolutionTests
{
    private static readonly DateTimeOffset Observed = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_first_run_rebuilds_links_records_sharing_a_mailbox_and_trains_a_model_to_store()
    {
        var records = new[] { Record(1, "Ana", "Okafor", "ana.okafor@example.com"), Record(2, "Ana", "Okafor", "ana.okafor@example.com"), Record(3, "Ben", "Hale", "ben.hale@example.org") };

        var resolution = MatchResolution.Resolve(new MatchBasis(records, new Dictionary<long, Guid>(), []), storedModel: null, MatchSettings.Default);

        Assert.True(resolution.Rebuilt);
        Assert.Contains(resolution.Clusters, c => c.Order().SequenceEqual([1L, 2L]));
        Assert.Contains(resolution.Clusters, c => c.SequenceEqual([3L]));
        Assert.Equal([1L, 2L, 3L], resolution.Processed.Order());
        Assert.NotNull(resolution.TrainedModelDocument);
        Assert.True(MatchResolution.CanResumeFrom(resolution.TrainedModelDocument));
    }

    [Fact]
    public void A_later_run_resolves_only_the_new_record_against_the_existing_profiles_with_the_stored_model()
    {
        var ana = Guid.NewGuid();
        var ben = Guid.NewGuid();
        var first = MatchResolution.Resolve(
            new MatchBasis([Record(1, "Ana", "Okafor", "ana.okafor@example.com", matched: true), Record(2, "Ben", "Hale", "ben.hale@example.org", matched: true)], new Dictionary<long, Guid>(), []),
            storedModel: null,
            MatchSettings.Default);
        var records = new[]
        {
            Record(1, "Ana", "Okafor", "ana.okafor@example.com", matched: true),
            Record(2, "Ben", "Hale", "ben.hale@example.org", matched: true),
            Record(3, "Ana", "Okafor", "ana.okafor@example.com"),
        };

        var resolution = MatchResolution.Resolve(
            new MatchBasis(records, new Dictionary<long, Guid> { [1] = ana, [2] = ben }, []), first.TrainedModelDocument, MatchSettings.Default);

        Assert.False(resolution.Rebuilt);
        Assert.Null(resolution.TrainedModelDocument);
        Assert.Equal([3L], resolution.Processed);
        Assert.Equal(1, resolution.Resolved);
        var touched = Assert.Single(resolution.Clusters);
        Assert.Equal([1L, 3L], touched.Order());
        Assert.Contains(resolution.Pairs, p => p.Decision == MatchDecision.Linked);
    }

    [Fact]
    public void A_stored_model_that_no_longer_fits_the_comparisons_means_a_rebuild()
    {
        var trained = MatchResolution.Resolve(
            new MatchBasis([Record(1, "Ana", "Okafor", "ana.okafor@example.com")], new Dictionary<long, Guid>(), []), storedModel: null, MatchSettings.Default).TrainedModelDocument!;
        var renamed = trained.Replace("\"first name\"", "\"given name\"", StringComparison.Ordinal);

        Assert.NotEqual(trained, renamed);
        Assert.True(MatchResolution.CanResumeFrom(trained));
        Assert.False(MatchResolution.CanResumeFrom(renamed));
        Assert.False(MatchResolution.CanResumeFrom(null));
    }

    [Fact]
    public void A_cannot_link_between_two_records_of_one_profile_takes_that_profile_apart()
    {
        var profile = Guid.NewGuid();
        var model = MatchResolution.Resolve(
            new MatchBasis([Record(1, "Ana", "Okafor", "ana.okafor@example.com"), Record(2, "Ana", "Okafor", "ana.okafor@example.com")], new Dictionary<long, Guid>(), []),
            storedModel: null,
            MatchSettings.Default).TrainedModelDocument;
        var records = new[] { Record(1, "Ana", "Okafor", "ana.okafor@example.com", matched: true), Record(2, "Ana", "Okafor", "ana.okafor@example.com", matched: true) };

        var resolution = MatchResolution.Resolve(
            new MatchBasis(records, new Dictionary<long, Guid> { [1] = profile, [2] = profile }, [StewardConstraint.CannotLink(1, 2, "steward", Observed)]),
            model,
            MatchSettings.Default);

        Assert.Equal([1L, 2L], resolution.Processed.Order());
        Assert.DoesNotContain(resolution.Clusters, c => c.Contains(1) && c.Contains(2));
    }

    private static MatchRecord Record(long id, string first, string last, string email, bool matched = false)
    {
        var record = new MatchRecord
        {
            Id = id, Source = "crm", Trust = 50, ObservedAt = Observed, NeedsMatching = !matched,
            FirstName = first, LastName = last, City = "Leeds", Country = "GB",
        };
        record.Identifiers.Add(new RecordIdentifier(IdentifierKind.Email, email, email));
        return record;
    }
}
