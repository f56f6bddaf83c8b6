using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ProfileHub.Storage;
using ProfileHub.Storage.Migrations;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Testing;

/// <summary>
/// A real, migrated database for one test class (an xunit class fixture); <see cref="ResetAsync"/> empties it
/// between test cases. Subclasses differ only in how the database is created and dropped.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private StorageProvider? _provider;

    public StorageProvider Provider => _provider ?? throw new InvalidOperationException("The test database is not initialized yet.");

    public abstract string ProviderName { get; }

    /// <summary>The provider's connection string to this test's own database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        ConnectionString = await CreateAsync();
        _provider = StorageProvider.Create(new DatabaseOptions { Provider = ProviderName, ConnectionString = ConnectionString });
        await NewMigrator().MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (!Available)
        {
            return;
        }

        if (_provider is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await DropAsync();
    }

    public ProfileHubDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<ProfileHubDbContext>();
        Provider.ConfigureDbContext(options);
        return new ProfileHubDbContext(options.Options);
    }

    public Migrator NewMigrator(IReadOnlyList<MigrationScript>? scripts = null) =>
        new(Provider, TimeProvider.System, NullLogger<Migrator>.Instance, scripts);

    /// <summary>Empties every table but the migration history, so each test case starts from a clean schema.</summary>
    public Task ResetAsync() => DatabaseReset.ResetAsync(Provider, CancellationToken.None);

    /// <summary>
    /// Whether this machine has the database server; when not, the fixture creates nothing and its test classes
    /// are reported as skipped (<see cref="ProviderTestFramework"/>).
    /// </summary>
    public virtual bool Available => true;

    protected abstract Task<string> CreateAsync();

    protected abstract Task DropAsync();
}
