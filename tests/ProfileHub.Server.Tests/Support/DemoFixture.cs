using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>The demo loaded today (the real clock, as a user's first start would) into a real database, served by one running server.</summary>
public sealed class DemoFixture<TDatabase> : ServedFixture<TDatabase>
    where TDatabase : TestDatabase, new()
{
    protected override Task SeedAsync(TDatabase database) => DemoLoad.LoadAsync(database, TimeProvider.System);
}
