using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Storage;
using ProfileHub.Storage.Providers;

namespace ProfileHub.Server.Access;

/// <summary>
/// The embedded default's first start creates an admin key and prints it once, so the demo works at once.
/// Only on an embedded database (SQLite, <see cref="StorageProvider.IsEmbedded"/>) and only while no key exists: a server database gets its keys from an operator.
/// </summary>
internal static partial class DevelopmentKey
{
    public const string Name = "development";

    public static async Task CreateIfFirstStartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<StorageProvider>().IsEmbedded)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProfileHubDbContext>();
        if (await db.ApiKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        var (key, secret) = ApiKey.Create(Name, ApiRole.Admin, services.GetRequiredService<TimeProvider>().GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(services.GetRequiredService<ILoggerFactory>().CreateLogger("ProfileHub"), secret);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First start: created a development admin API key (shown once; send it as 'Authorization: Bearer <key>'): {Secret}")]
    private static partial void LogCreated(ILogger logger, string secret);
}
