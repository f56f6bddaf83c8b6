using Microsoft.EntityFrameworkCore;
using ProfileHub.Storage;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Support;

/// <summary>The test database as the context factory that runners and exporters take.</summary>
internal sealed class DatabaseContexts(TestDatabase database) : IDbContextFactory<ProfileHubDbContext>
{
    public ProfileHubDbContext CreateDbContext() => database.CreateContext();
}
