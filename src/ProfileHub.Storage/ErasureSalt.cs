using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Stewardship;

namespace ProfileHub.Storage;

/// <summary>The installation's erasure salt: created by the first erasure, read by every import that checks for erased people.</summary>
public static class ErasureSalt
{
    /// <summary>The salt, or null while nobody was ever erased (imports then skip the check).</summary>
    public static Task<string?> FindAsync(ProfileHubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.InstallationSecrets.AsNoTracking()
            .Where(s => s.Name == InstallationSecret.ErasureSalt)
            .Select(s => s.Value)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The salt, generated and saved in the current transaction if this is the first erasure.</summary>
    public static async Task<string> GetOrCreateAsync(ProfileHubDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (await FindAsync(db, cancellationToken) is { } salt)
        {
            return salt;
        }

        var secret = InstallationSecret.Generate(InstallationSecret.ErasureSalt, clock.GetUtcNow());
        db.InstallationSecrets.Add(secret);
        await db.SaveChangesAsync(cancellationToken);
        return secret.Value;
    }
}
