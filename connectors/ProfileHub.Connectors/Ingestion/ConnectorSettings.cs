using System.Globalization;
using System.Text.Json;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>A connector's settings (the `Settings` object of its configuration, stored as JSON on the connector).</summary>
public sealed class ConnectorSettings
{
    private readonly Dictionary<string, JsonElement> _values;

    private ConnectorSettings(Dictionary<string, JsonElement> values)
    {
        _values = values;
    }

    public static ConnectorSettings Empty { get; } = new(new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Base directory for relative paths in settings (the process's current directory unless set).</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    public static ConnectorSettings Parse(string? json, string? baseDirectory = null)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(json))
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }
        }

        return new ConnectorSettings(values) { BaseDirectory = baseDirectory ?? Directory.GetCurrentDirectory() };
    }

    public string? GetString(string name) => _values.TryGetValue(name, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    } : null;

    public string GetRequiredString(string name) =>
        GetString(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"The connector setting '{name}' is required.");

    public int? GetInt(string name) => GetString(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool GetBool(string name, bool fallback = false) => GetString(name) is { } text && bool.TryParse(text, out var value) ? value : fallback;

    /// <summary>An object setting as name → string (a column mapping: "given_name": "FirstName").</summary>
    public IReadOnlyDictionary<string, string> GetMap(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_values.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return map;
    }

    /// <summary>A path setting resolved against <see cref="BaseDirectory"/>.</summary>
    public string GetPath(string name) => Path.GetFullPath(GetRequiredString(name), BaseDirectory);
}
