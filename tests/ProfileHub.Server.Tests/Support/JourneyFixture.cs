using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>The hand-computable <see cref="JourneyScenario"/> in a real database, served by one running server.</summary>
public sealed class JourneyFixture<TDatabase> : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private ApiServer? _server;

    public TDatabase Database { get; } = new();

    internal ApiServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await JourneyScenario.SeedAsync(Database);
        _server = await ApiServer.StartAsync(Database);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
