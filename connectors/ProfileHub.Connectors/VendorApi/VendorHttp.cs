namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// GETs one vendor API page through the context's client (which already retries 429 and 5xx, honouring
/// Retry-After). A response still failing after those retries, or refusing our credentials, fails the run
/// with a clear message; a 200 whose body is not a JSON object comes back as a page with a problem.
/// </summary>
internal static class VendorHttp
{
    public static async Task<PageFetch> GetPageAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var url = request.RequestUri!;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new VendorApiException($"GET {Redacted(url)} failed: {e.Message}", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new VendorApiException(
                    $"GET {Redacted(url)} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Excerpt(body)}");
            }

            return PageFetch.FromBody(url, body, response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>Query strings can carry access tokens (Graph API): messages keep only the path.</summary>
    public static string Redacted(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
