using System.Security.Cryptography;
using ProfileHub.Core.Normalization;

namespace ProfileHub.Core.Access;

/// <summary>
/// An API key, stored as the SHA-256 of its secret: the secret is shown once, at creation, and never again.
/// A fast hash is right here (as for GitHub or Stripe tokens): the secret is 256 random bits, so there is
/// nothing for a slow password hash to protect against, and every request verifies a key.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Every secret starts with this, so leaked keys are recognisable by secret scanners.</summary>
    public const string SecretPrefix = "phk_";

    private ApiKey()
    {
        Name = string.Empty;
        Hash = string.Empty;
        DisplayPrefix = string.Empty;
    }

    private ApiKey(string name, ApiRole role, string hash, string displayPrefix, DateTimeOffset createdAt)
    {
        Name = name;
        Role = role;
        Hash = hash;
        DisplayPrefix = displayPrefix;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public int Id { get; private set; }

    /// <summary>Who the key is for ("segment-sync-job", "jane.steward"); the audit trail's actor.</summary>
    public string Name { get; private set; }

    public ApiRole Role { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string Hash { get; private set; }

    /// <summary>The secret's first characters, to tell keys apart in listings without revealing them.</summary>
    public string DisplayPrefix { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Creates a key; the returned secret is the only copy.</summary>
    public static (ApiKey Key, string Secret) Create(string name, ApiRole role, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiKey(name.Trim(), role, HashOf(secret), secret[..(SecretPrefix.Length + 6)], now), secret);
    }

    public static string HashOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return IdentifierHash.Sha256Hex(secret);
    }

    public void Revoke(DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw new InvalidOperationException($"API key '{Name}' is already revoked.");
        }

        RevokedAt = at.ToUniversalTime();
    }
}
