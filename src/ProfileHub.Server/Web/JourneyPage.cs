namespace ProfileHub.Server.Web;

/// <summary>
/// GET /journey: the marketers' journey charts (funnel, touchpoints-before-purchase histogram, friction table),
/// one static page embedded in the executable, no CDN. It asks for an API key once (sessionStorage) and reads
/// the journeyAnalytics GraphQL field with it; the page itself holds no data, so it needs no key to load.
/// </summary>
internal static class JourneyPage
{
    private static readonly EmbeddedAsset Html = new("ProfileHub.Server.Web.journey.html", "text/html; charset=utf-8");

    // Inline script and styles only (and an empty data: icon, so browsers do not ask for /favicon.ico);
    // nothing is fetched but /graphql on this origin.
    private const string Policy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:";

    public static void MapJourneyPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/journey", (HttpContext http) => Html.Serve(http, Policy));
}
