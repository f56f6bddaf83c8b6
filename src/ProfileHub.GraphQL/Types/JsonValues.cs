using System.Text.Json;

namespace ProfileHub.GraphQL.Types;

/// <summary>
/// Converts JSON (request variables, extensions) into the plain values input coercion works on. JSON may escape half
/// of a UTF-16 surrogate pair (<c>"\ud800"</c>), which is not text: such a string or name is a
/// <see cref="JsonException"/> here, the same as any other malformed JSON (System.Text.Json throws
/// <see cref="InvalidOperationException"/> for it, which is what a server fault looks like).
/// </summary>
internal static class JsonValues
{
    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDictionary(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => Text(element),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static Dictionary<string, object?> ToDictionary(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            result[Name(property)] = ToPlain(property.Value);
        }
        return result;
    }

    /// <summary>A JSON string's text.</summary>
    /// <exception cref="JsonException">It escapes a lone surrogate.</exception>
    public static string Text(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException error) when (element.ValueKind == JsonValueKind.String)
        {
            throw LoneSurrogate(error);
        }
    }

    /// <summary>A JSON property's name.</summary>
    /// <exception cref="JsonException">It escapes a lone surrogate.</exception>
    public static string Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException error)
        {
            throw LoneSurrogate(error);
        }
    }

    private static JsonException LoneSurrogate(InvalidOperationException error) =>
        new("A string escapes a lone UTF-16 surrogate (\\uD800 to \\uDFFF without its pair), which is not text.", error);
}
