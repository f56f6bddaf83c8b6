using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>A real database of one provider, filled once by <see cref="SeedAsync"/>, served by one running server for a test class.</summary>
public abstract class ServedFixture<TDatabase> : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private ApiServer? _server;

    public TDatabase Database { get; } = new();

    internal ApiServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        if (!Database.Available)
        {
            return; // No server for this provider here: its test classes report as skipped.
        }

        await SeedAsync(Database);
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

    protected abstract Task SeedAsync(TDatabase database);
}
