using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>
/// One seeded database and one running server for a class of read-only API tests (starting the process and
/// matching the scenario once, not per test).
/// </summary>
public sealed class ApiFixture<TDatabase> : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    private ApiServer? _server;
    private ApiScenario? _scenario;

    public TDatabase Database { get; } = new();

    internal ApiServer Server => _server ?? throw new InvalidOperationException("not started");

    internal ApiScenario Scenario => _scenario ?? throw new InvalidOperationException("not seeded");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        if (!Database.Available)
        {
            return; // No server for this provider here: its test classes report as skipped.
        }

        _scenario = await ApiScenario.SeedAsync(Database);
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
