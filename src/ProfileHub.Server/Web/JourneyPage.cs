namespace ProfileHub.Server.Web;

/// <summary>
/// GET /journey: the marketers' journey charts (funnel, touchpoints-before-purchase histogram, friction table),
/// one static page embedded in the executable, no CDN. It asks for an API key once (sessionStorage) and reads
/// the journeyAnalytics GraphQL field with it; the page itself holds no data, so it needs no key to load.
/// </summary>
internal static class JourneyPage
{
    private const string Resource = "ProfileHub.Server.Web.journey.html";

    private static readonly Lazy<byte[]> Html = new(() =>
    {
        using var stream = typeof(JourneyPage).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void MapJourneyPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/journey", (HttpContext http) =>
        {
            // Inline script and styles only (and an empty data: icon, so browsers do not ask for /favicon.ico);
            // nothing is fetched but /graphql on this origin.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:";
            return Results.Bytes(Html.Value, "text/html; charset=utf-8");
        });
}
