using Microsoft.Net.Http.Headers;

namespace ProfileHub.GraphQL.Http;

/// <summary>The response media types of GraphQL over HTTP and the choice between them (Accept negotiation).</summary>
internal static class MediaTypes
{
    /// <summary>The draft's media type: status codes tell request errors from field errors.</summary>
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>The legacy media type: 200 for every well-formed GraphQL response.</summary>
    public const string Json = "application/json";

    /// <summary>
    /// The preferred supported type for an Accept header, or null when none is acceptable. No Accept header means
    /// application/json (audit 80D8); <c>*/*</c> and <c>application/*</c> mean application/json too (47DE).
    /// </summary>
    public static string? Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return Json;
        }
        if (!MediaTypeHeaderValue.TryParseList([accept], out var ranges))
        {
            return Json;
        }
        string? best = null;
        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var candidate = range.MediaType.Value?.ToLowerInvariant() switch
            {
                GraphQLResponse => GraphQLResponse,
                Json or "*/*" or "application/*" => Json,
                _ => null,
            };
            // On equal quality the draft's own media type wins over the legacy one.
            if (candidate is not null && quality > 0 && (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse)))
            {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }

    public static bool WantsHtml(string? accept) =>
        accept is not null && MediaTypeHeaderValue.TryParseList([accept], out var ranges)
        && ranges.FirstOrDefault()?.MediaType.Value?.Equals("text/html", StringComparison.OrdinalIgnoreCase) == true;
}
