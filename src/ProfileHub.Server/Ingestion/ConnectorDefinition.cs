using System.Text.Json.Nodes;
using ProfileHub.Core.Sources;

namespace ProfileHub.Server.Ingestion;

/// <summary>
/// One connector as configured under `ProfileHub:Connectors:NAME` (Kind, Format, Trust, Schedule, Enabled,
/// Settings), e.g. ProfileHub__Connectors__web__Kind=Web. Synced to the `connectors` table at start-up.
/// </summary>
internal sealed record ConnectorDefinition(string Name, ConnectorKind Kind, string? Format, int Trust, string? Schedule, bool Enabled, string? Settings)
{
    public const string Section = "ProfileHub:Connectors";

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
                settings.Exists() ? ToJson(settings).ToJsonString() : null));
        }

        return definitions;
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
