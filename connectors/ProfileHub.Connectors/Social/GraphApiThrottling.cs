using System.Net;
using System.Text.Json;

namespace ProfileHub.Connectors.Social;

/// <summary>
/// Meta Graph API rate limiting ("Rate Limiting" in the Graph API docs): a throttled call answers HTTP 400 or
/// 403 with <c>error.code</c> 4 (application), 17 (user), 32 (page), 613 (custom) or 80000-80014 (business
/// use case), not 429, so the generic retry would give up on it. The Business Use Case header says when
/// access comes back: <c>X-Business-Use-Case-Usage: {"id":[{"estimated_time_to_regain_access": minutes}]}</c>.
/// </summary>
internal static class GraphApiThrottling
{
    private static readonly HashSet<int> ThrottleCodes = [4, 17, 32, 613];

    public static async ValueTask<bool> IsThrottledAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
            || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        // Buffered, so the caller can still read the error body when the retries run out.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.TryGetInt32(out var value)
                && (ThrottleCodes.Contains(value) || value is >= 80000 and <= 80014);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The longest <c>estimated_time_to_regain_access</c> of the Business Use Case header, if any.</summary>
    public static TimeSpan? RegainAccessIn(HttpResponseMessage? response)
    {
        if (response is null || !response.Headers.TryGetValues("X-Business-Use-Case-Usage", out var values))
        {
            return null;
        }

        try
        {
            using var usage = JsonDocument.Parse(string.Concat(values));
            var minutes = usage.RootElement.EnumerateObject()
                .SelectMany(business => business.Value.ValueKind == JsonValueKind.Array ? business.Value.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(entry => entry.TryGetProperty("estimated_time_to_regain_access", out var t) && t.TryGetDouble(out var m) ? m : 0)
                .DefaultIfEmpty(0)
                .Max();
            return minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
