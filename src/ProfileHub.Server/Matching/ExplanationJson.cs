using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProfileHub.Core.Matching;

namespace ProfileHub.Server.Matching;

/// <summary>
/// How match explanations are stored (memberships, review items) and read back by the API: camelCase JSON
/// with enum names, and the engine's record keys written as the plain source-record ids.
/// </summary>
internal static class ExplanationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(MatchExplanation explanation) => JsonSerializer.Serialize(
        explanation with
        {
            LeftRecordId = MatchRecord.Parse(explanation.LeftRecordId).ToString(CultureInfo.InvariantCulture),
            RightRecordId = MatchRecord.Parse(explanation.RightRecordId).ToString(CultureInfo.InvariantCulture),
        },
        Options);

    public static MatchExplanation? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<MatchExplanation>(json, Options);

    /// <summary>The source-record id a stored explanation names.</summary>
    public static long? RecordId(string key) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
