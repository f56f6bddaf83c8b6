using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ProfileHub.Storage.Providers;

/// <summary>
/// Carries the <see cref="StorageProvider"/> in the context's options, so <see cref="ProfileHubDbContext"/> needs
/// nothing but its options and can be pooled (EF's context pool creates contexts from options alone). It adds
/// no EF services; the model depends only on the provider's type, which the database extension beside it
/// (UseNpgsql, UseSqlite) already tells apart, so every instance may share EF's internal service provider.
/// </summary>
internal sealed class StorageProviderExtension(StorageProvider provider) : IDbContextOptionsExtension
{
    public StorageProvider Provider => provider;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => string.Empty;

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}
