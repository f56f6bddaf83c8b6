using ProfileHub.Core.Profiles;

namespace ProfileHub.Core.Tests.Profiles;

public sealed class ProfileAssignmentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Older = Id(1);
    private static readonly Guid Newer = Id(2);

    private readonly Dictionary<Guid, DateTimeOffset> _createdAt = new() { [Older] = T0, [Newer] = T0.AddDays(1) };
    private int _nextId = 100;

    [Fact]
    public void A_profile_that_gains_records_keeps_its_id()
    {
        var plan = Plan([[1, 2, 3]], new() { [1] = Older, [2] = Older });

        Assert.All(plan.ProfileOfRecord.Values, p => Assert.Equal(Older, p));
        Assert.Empty(plan.NewProfiles);
        Assert.Empty(plan.Merges);
        Assert.Equal([Older], plan.Touched);
    }

    [Fact]
    public void When_two_profiles_join_the_older_id_survives_and_the_other_is_merged_into_it()
    {
        var plan = Plan([[1, 2, 3, 4]], new() { [1] = Newer, [2] = Newer, [3] = Older, [4] = Older });

        Assert.All(plan.ProfileOfRecord.Values, p => Assert.Equal(Older, p));
        Assert.Equal([new ProfileMerge(Newer, Older)], plan.Merges);
        Assert.Equal([Older], plan.Touched);
    }

    [Fact]
    public void Records_matching_nobody_found_a_new_profile()
    {
        var plan = Plan([[5], [6, 7]], []);

        Assert.Equal([Id(100), Id(101)], plan.NewProfiles);
        Assert.Equal(Id(100), plan.ProfileOfRecord[5]);
        Assert.Equal(Id(101), plan.ProfileOfRecord[7]);
    }

    [Fact]
    public void A_split_keeps_the_id_with_the_larger_part_and_gives_the_rest_a_new_profile()
    {
        var plan = Plan([[3], [1, 2]], new() { [1] = Older, [2] = Older, [3] = Older });

        Assert.Equal(Older, plan.ProfileOfRecord[1]);
        Assert.Equal(Older, plan.ProfileOfRecord[2]);
        var split = Assert.Single(plan.NewProfiles);
        Assert.Equal(split, plan.ProfileOfRecord[3]);
        Assert.Empty(plan.Merges);
        Assert.Equal([Older, split], plan.Touched.Order());
    }

    [Fact]
    public void An_unchanged_cluster_touches_nothing()
    {
        var plan = Plan([[1, 2]], new() { [1] = Older, [2] = Older });

        Assert.Empty(plan.Touched);
        Assert.Empty(plan.NewProfiles);
    }

    [Fact]
    public void The_plan_is_the_same_whatever_the_order_of_clusters_and_records()
    {
        var current = new Dictionary<long, Guid> { [1] = Older, [4] = Newer };
        var a = Plan([[1, 2], [4, 3]], current);
        _nextId = 100;
        var b = Plan([[3, 4], [2, 1]], current);

        Assert.Equal(a.ProfileOfRecord.OrderBy(kv => kv.Key), b.ProfileOfRecord.OrderBy(kv => kv.Key));
    }

    private ProfileAssignmentPlan Plan(long[][] clusters, Dictionary<long, Guid> current) =>
        ProfileAssignment.Plan(clusters, current, _createdAt, () => Id(_nextId++));

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");
}
