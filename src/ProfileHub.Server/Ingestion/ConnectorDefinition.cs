using System.Text.Json.Nodes;
using Microsoft.Extensions.FileProviders;
using ProfileHub.Core.Sources;

namespace ProfileHub.Server.Ingestion;

/// <summary>
/// One connector as configured under `ProfileHub:Connectors:NAME` (Kind, Format, Trust, Schedule, Enabled,
/// RetentionDays, Settings), e.g. ProfileHub__Connectors__web__Kind=Web. Synced to the `connectors` table at start-up.
/// <see cref="BaseDirectory"/> is where its relative `Settings:path` resolves (<see cref="BaseDirectoryOf"/>).
/// <see cref="RetentionDays"/>: how long its touchpoints, raw inbound payloads and quarantined rows are kept
/// (the retention job purges older ones); null keeps them forever.
/// </summary>
internal sealed record ConnectorDefinition(string Name, ConnectorKind Kind, string? Format, int Trust, string? Schedule, bool Enabled, string? Settings, string BaseDirectory)
{
    public int? RetentionDays { get; init; }

    public const string Section = "ProfileHub:Connectors";

    /// <summary>
    /// THE rule for relative connector paths: a path written in a JSON configuration file (appsettings.json
    /// beside the executable, which names the demo samples shipped beside it) resolves against that file's
    /// directory; a path given any other way (environment variable, command line) resolves against the
    /// working directory, like the ./data/ database. Whichever source supplies the value (the last one that
    /// has the key, as configuration itself decides) decides.
    /// </summary>
    public static string BaseDirectoryOf(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var supplier = configuration is IConfigurationRoot root ? root.Providers.LastOrDefault(p => p.TryGet(key, out _)) : null;
        return supplier is FileConfigurationProvider { Source: { FileProvider: PhysicalFileProvider files, Path: { } file } }
            ? Path.GetDirectoryName(Path.Combine(files.Root, file))!
            : Directory.GetCurrentDirectory();
    }

    public static IReadOnlyList<ConnectorDefinition> Read(IConfiguration configuration)
    {
        var definitions = new List<ConnectorDefinition>();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var where = $"{Section}:{section.Key}";
            if (!Enum.TryParse<ConnectorKind>(section["Kind"], ignoreCase: true, out var kind))
            {
                throw new InvalidOperationException($"{where}:Kind must be one of {string.Join(", ", Enum.GetNames<ConnectorKind>())} (got '{section["Kind"]}').");
            }

            var trust = section.GetValue("Trust", 50);
            var settings = section.GetSection("Settings");
            definitions.Add(new ConnectorDefinition(
                section.Key,
                kind,
                string.IsNullOrWhiteSpace(section["Format"]) ? null : section["Format"],
                trust,
                string.IsNullOrWhiteSpace(section["Schedule"]) ? null : section["Schedule"],
                section.GetValue("Enabled", true),
                settings.Exists() ? ToJson(settings).ToJsonString() : null,
                BaseDirectoryOf(configuration, $"{where}:Settings:path"))
            {
                RetentionDays = RetentionDaysOf(section, where),
            });
        }

        return definitions;
    }

    /// <summary>`RetentionDays`: absent or empty keeps everything; otherwise a whole number of days, at least 1.</summary>
    private static int? RetentionDaysOf(IConfigurationSection section, string where)
    {
        var text = section["RetentionDays"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days >= 1
            ? days
            : throw new Hosting.ConfigurationException($"{where}:RetentionDays", $"'{text}' is not a whole number of days, at least 1; leave it out to keep the connector's data forever.");
    }

    /// <summary>A configuration subtree as a JSON object (configuration values are all strings).</summary>
    private static JsonObject ToJson(IConfigurationSection section)
    {
        var json = new JsonObject();
        foreach (var child in section.GetChildren())
        {
            json[child.Key] = child.Value is { } value ? JsonValue.Create(value) : ToJson(child);
        }

        return json;
    }
}
