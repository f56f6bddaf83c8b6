using System.Text.Json;
using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// A list setting (Graph object ids, Mailchimp permission columns) in every shape configuration gives it: a JSON
/// array, the object with keys "0", "1", ... that ASP.NET configuration makes of an appsettings array, or one
/// comma-separated string (an environment variable).
/// </summary>
internal static class SettingLists
{
    public static IReadOnlyList<string> GetList(this ConnectorSettings settings, string name)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = settings.GetString(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (text.TrimStart() is ['[' or '{', ..])
        {
            using var document = JsonDocument.Parse(text);
            var items = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray()
                : document.RootElement.EnumerateObject().OrderBy(p => int.TryParse(p.Name, out var i) ? i : int.MaxValue).Select(p => p.Value);
            return [.. items.Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())];
        }

        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
