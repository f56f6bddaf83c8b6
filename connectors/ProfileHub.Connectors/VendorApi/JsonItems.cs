using System.Text.Json;
using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// Reads each element of a vendor's JSON array on its own, so one item of the wrong shape (a string where
/// a number belongs, a required field missing) is rejected with its position and the rest still load.
/// </summary>
internal static class JsonItems
{
    public static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    // validate: Returns why a well-typed item is still unusable, or null.
    public static List<T> Read<T>(
        JsonElement array,
        Func<int, string> position,
        Func<T, string?> validate,
        ICollection<RejectedRow> rejected)
        where T : class
    {
        var items = new List<T>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            rejected.Add(new RejectedRow(position(0), array.GetRawText(), $"expected a JSON array, got {array.ValueKind}"));
            return items;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            index++;
            var problem = TryRead(element, validate, out var item);
            if (item is not null)
            {
                items.Add(item);
            }
            else
            {
                rejected.Add(new RejectedRow(position(index), element.GetRawText(), problem!));
            }
        }

        return items;
    }

    /// <summary>One CSV row read as the vendor's JSON item (all values strings, empty ones null), so both formats share one type and one validation.</summary>
    public static T? ReadRow<T>(CsvRow row, string position, Func<T, string?> validate, ICollection<RejectedRow> rejected)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(rejected);
        var values = row.Fields.ToDictionary(f => f.Key, f => string.IsNullOrWhiteSpace(f.Value) ? null : f.Value.Trim(), StringComparer.Ordinal);
        var problem = TryRead(JsonSerializer.SerializeToElement(values), validate, out var item);
        if (item is null)
        {
            rejected.Add(new RejectedRow(position, row.Raw, problem!));
        }

        return item;
    }

    private static string? TryRead<T>(JsonElement element, Func<T, string?> validate, out T? item)
        where T : class
    {
        item = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return $"expected a JSON object, got {element.ValueKind}";
        }

        try
        {
            var read = element.Deserialize<T>(Options);
            var problem = read is null ? "empty item" : validate(read);
            if (problem is null)
            {
                item = read;
            }

            return problem;
        }
        catch (JsonException e)
        {
            return $"wrong type: {e.Message}";
        }
        catch (FormatException e)
        {
            return $"wrong format: {e.Message}";
        }
    }

    public static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
