using ProfileHub.Core.Access;

namespace ProfileHub.Core.Tests.Access;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_key_stores_only_the_hash_of_its_secret()
    {
        var (key, secret) = ApiKey.Create("segment-sync", ApiRole.Segmentation, T0);

        Assert.StartsWith(ApiKey.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);
        Assert.Equal(ApiKey.HashOf(secret), key.Hash);
        Assert.DoesNotContain(secret[ApiKey.SecretPrefix.Length..], key.Hash, StringComparison.Ordinal);
        Assert.StartsWith(key.DisplayPrefix, secret, StringComparison.Ordinal);
        Assert.Equal(("segment-sync", ApiRole.Segmentation, T0), (key.Name, key.Role, key.CreatedAt));
    }

    [Fact]
    public void Two_keys_never_share_a_secret()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => ApiKey.Create("k", ApiRole.Marketing, T0).Secret).ToHashSet();
        Assert.Equal(100, secrets.Count);
    }

    [Fact]
    public void A_key_is_revoked_once()
    {
        var (key, _) = ApiKey.Create("k", ApiRole.Marketing, T0);
        key.Revoke(T0.AddDays(1));
        Assert.Equal(T0.AddDays(1), key.RevokedAt);
        Assert.Throws<InvalidOperationException>(() => key.Revoke(T0.AddDays(2)));
    }

    [Theory]
    [InlineData(ApiRole.Marketing, Capability.ReadProfiles, true)]
    [InlineData(ApiRole.Marketing, Capability.Steward, false)]
    [InlineData(ApiRole.Marketing, Capability.Audiences, false)]
    [InlineData(ApiRole.Steward, Capability.ReadProfiles, true)]
    [InlineData(ApiRole.Steward, Capability.Steward, true)]
    [InlineData(ApiRole.Steward, Capability.Audiences, false)]
    [InlineData(ApiRole.Segmentation, Capability.Audiences, true)]
    [InlineData(ApiRole.Segmentation, Capability.ManageSegments, true)]
    [InlineData(ApiRole.Segmentation, Capability.ReadProfiles, false)]
    [InlineData(ApiRole.Admin, Capability.ManageKeys, true)]
    [InlineData(ApiRole.Admin, Capability.Steward, true)]
    public void Roles_grant_exactly_their_capabilities(ApiRole role, Capability capability, bool allowed) =>
        Assert.Equal(allowed, role.Allows(capability));
}
