using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>The hand-computable <see cref="JourneyScenario"/> in a real database, served by one running server.</summary>
public sealed class JourneyFixture<TDatabase> : ServedFixture<TDatabase>
    where TDatabase : TestDatabase, new()
{
    protected override Task SeedAsync(TDatabase database) => JourneyScenario.SeedAsync(database);
}
