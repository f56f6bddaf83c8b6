using System.Text.Json;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// One page as a vendor served it: parsed JSON when it is a JSON object, otherwise the body and why it
/// could not be used (an HTML error page behind a 200, a truncated body).
/// </summary>
internal sealed class PageFetch : IDisposable
{
    private readonly JsonDocument? _document;

    private PageFetch(Uri url, string body, JsonDocument? document, string? problem)
    {
        Url = url;
        Body = body;
        _document = document;
        Problem = problem;
    }

    public Uri Url { get; }

    public string Body { get; }

    /// <summary>Null when the page is usable.</summary>
    public string? Problem { get; }

    public JsonElement Root => _document?.RootElement
        ?? throw new InvalidOperationException($"The page {Url} is not usable: {Problem}");

    public static PageFetch FromBody(Uri url, string body, string? mediaType)
    {
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.StartsWith("<", StringComparison.Ordinal) || (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return new PageFetch(url, body, null, $"expected JSON, got HTML ({mediaType ?? "no content type"})");
        }

        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return new PageFetch(url, body, null, "expected a JSON object");
            }

            return new PageFetch(url, body, document, null);
        }
        catch (JsonException e)
        {
            return new PageFetch(url, body, null, $"malformed JSON: {e.Message}");
        }
    }

    public void Dispose() => _document?.Dispose();
}
