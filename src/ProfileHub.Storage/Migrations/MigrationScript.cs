using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ProfileHub.Storage.Migrations;

/// <summary>One versioned SQL script, db/migrations/{provider}/NNNN_description.sql.</summary>
public sealed record MigrationScript(int Version, string FileName, string Sql)
{
    /// <summary>
    /// SHA-256 of the script with line endings normalized, so a CRLF checkout is not "an edit". Computed from
    /// <see cref="Sql"/> on each read so that a copy made with `with { Sql = ... }` cannot carry a stale value.
    /// </summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>Parses "0001_initial.sql"; the number orders the scripts.</summary>
    public static MigrationScript FromFile(string fileName, string sql)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !fileName.EndsWith(".sql", StringComparison.Ordinal) ||
            !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new ArgumentException($"Migration file '{fileName}' is not named NNNN_description.sql.", nameof(fileName));
        }

        return new MigrationScript(version, fileName, sql);
    }

    /// <summary>The scripts shipped in this build for a provider (embedded from db/migrations/{provider}/).</summary>
    public static IReadOnlyList<MigrationScript> Embedded(string provider)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = $"migrations/{provider}/";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                scripts.Add(FromFile(resource[prefix.Length..], Read(assembly, resource)));
            }
        }

        return Ordered(scripts);
    }

    /// <summary>Sorts by version and rejects two scripts claiming the same number.</summary>
    public static IReadOnlyList<MigrationScript> Ordered(IEnumerable<MigrationScript> scripts)
    {
        var ordered = scripts.OrderBy(s => s.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new ArgumentException($"Migrations {ordered[i - 1].FileName} and {ordered[i].FileName} share version {ordered[i].Version}.", nameof(scripts));
            }
        }

        return ordered;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
