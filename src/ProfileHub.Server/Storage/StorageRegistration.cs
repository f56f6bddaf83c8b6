using ProfileHub.Storage;
using ProfileHub.Storage.Migrations;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Server.Storage;

internal static partial class StorageRegistration
{
    public static void AddProfileHubStorage(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // Created eagerly: an unknown provider or a malformed connection string fails here, at start-up.
        var provider = StorageProvider.Create(options);
        builder.Services.AddSingleton(provider);
        // The factory serves singletons and handlers (authentication, jobs, the API's data loaders, which take
        // a context per batch); scoped contexts serve verbs. Pooled: a fresh context resolved a dozen EF services
        // per batch, a sixth of the server's CPU under load.
        builder.Services.AddPooledDbContextFactory<ProfileHubDbContext>(options =>
        {
            provider.ConfigureDbContext(options);
            options.AddInterceptors(SqlCommandCount.Interceptor);
        });
        builder.Services.AddSingleton(sp => new Migrator(
            provider, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<Migrator>>()));
    }

    /// <summary>The provider <see cref="AddProfileHubStorage"/> registered, for areas configured before the host is built (Quartz's store).</summary>
    public static StorageProvider RegisteredStorageProvider(this IHostApplicationBuilder builder) =>
        builder.Services.LastOrDefault(s => s.ServiceType == typeof(StorageProvider))?.ImplementationInstance as StorageProvider
            ?? throw new InvalidOperationException("AddProfileHubStorage must be called first.");

    /// <summary>Checks the database is usable, then applies pending migrations; throws with a one-line reason.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var provider = services.GetRequiredService<StorageProvider>();
        await provider.VerifyAsync(cancellationToken);
        var applied = await services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        LogReady(services.GetRequiredService<ILogger<Migrator>>(), provider.Describe(), applied.Count);
    }

    public static string DescribeDatabase(this IServiceProvider services) =>
        services.GetRequiredService<StorageProvider>().Describe();

    [LoggerMessage(Level = LogLevel.Information, Message = "ProfileHub data: {Database} ({Applied} migrations applied now)")]
    private static partial void LogReady(ILogger logger, string database, int applied);
}
