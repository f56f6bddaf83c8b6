using System.Security.Cryptography;

namespace ProfileHub.Core.Stewardship;

/// <summary>A secret generated once per installation and kept in its database (the erasure salt).</summary>
public sealed class InstallationSecret
{
    public const string ErasureSalt = "erasure-salt";

    private InstallationSecret()
    {
        Name = string.Empty;
        Value = string.Empty;
    }

    private InstallationSecret(string name, string value, DateTimeOffset createdAt)
    {
        Name = name;
        Value = value;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public string Name { get; private set; }

    public string Value { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A new random 256-bit secret.</summary>
    public static InstallationSecret Generate(string name, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new InstallationSecret(name, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), now);
    }
}
