using System.Security.Cryptography;
using System.Text;
using ProfileHub.Core.Sources;

namespace ProfileHub.Core.Stewardship;

/// <summary>
/// What remains of an erased person (right to erasure): salted hashes of their identifiers and source keys,
/// nothing readable. A later import carrying one of them is recognised and held back, so erased people do
/// not come back with the next sync. The salt is per installation (<see cref="InstallationSecret"/>), so the
/// hashes cannot be joined with the unsalted SHA-256 identifiers ad platforms exchange.
/// </summary>
public sealed class ErasureTombstone
{
    private ErasureTombstone()
    {
        Hash = string.Empty;
    }

    public ErasureTombstone(string hash, DateTimeOffset erasedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        Hash = hash;
        ErasedAt = erasedAt.ToUniversalTime();
    }

    /// <summary>Lower-case hex HMAC-SHA-256 of one key (see <see cref="KeysOf"/>).</summary>
    public string Hash { get; private set; }

    public DateTimeOffset ErasedAt { get; private set; }

    /// <summary>
    /// The keys that identify a source record's person: its (connector, source key) and each identifier that
    /// names one person (emails, phones, ids, handles, hashed identifiers; not anonymous device ids).
    /// </summary>
    public static IEnumerable<string> KeysOf(int connectorId, string sourceKey, IEnumerable<(IdentifierKind Kind, string NormalizedValue)> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        yield return SourceKey(connectorId, sourceKey);
        foreach (var (kind, value) in identifiers)
        {
            if (kind != IdentifierKind.AnonymousId)
            {
                yield return $"{kind}:{value}";
            }
        }
    }

    /// <summary>The key of a source's own record key (touchpoints name their person by it).</summary>
    public static string SourceKey(int connectorId, string sourceKey) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"key:{connectorId}:{sourceKey}");

    public static string HashOf(string salt, string key)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(key)));
    }
}
