using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>The demo loaded today (the real clock, as a user's first start would) into a real database, served by one running server.</summary>
public sealed class DemoFixture<TDatabase> : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private ApiServer? _server;

    public TDatabase Database { get; } = new();

    internal ApiServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await DemoLoad.LoadAsync(Database, TimeProvider.System);
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
