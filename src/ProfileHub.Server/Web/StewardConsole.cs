namespace ProfileHub.Server.Web;

/// <summary>
/// GET /steward: the data stewards' console (review queue with explanations, conflicts, profiles with lineage,
/// pin, split, merge with preview, audit, search). Like /journey it is static and embedded, holds no data and
/// needs no key to load: it asks for an API key once (sessionStorage) and does everything through the public
/// GraphQL API at /graphql, so it can do nothing a steward's key could not do with any GraphQL client.
/// </summary>
internal static class StewardConsole
{
    private const string Html = "text/html; charset=utf-8";

    // Script and style only from this origin (no inline code, no CDN), data only from /graphql.
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly EmbeddedAsset Script = new("ProfileHub.Server.Web.Steward.steward.js", "text/javascript; charset=utf-8");
    private static readonly EmbeddedAsset Style = new("ProfileHub.Server.Web.Steward.steward.css", "text/css; charset=utf-8");

    // The page names its script and style by version, so a browser that opened the console once loads only
    // the page (a 304) and /graphql again: the queue's request leaves sooner.
    private static readonly EmbeddedAsset Page = new("ProfileHub.Server.Web.Steward.steward.html", Html, html => html
        .Replace("\"/steward/steward.js\"", $"\"{Script.VersionedPath("/steward/steward.js")}\"", StringComparison.Ordinal)
        .Replace("\"/steward/steward.css\"", $"\"{Style.VersionedPath("/steward/steward.css")}\"", StringComparison.Ordinal));

    public static void MapStewardConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/steward", (HttpContext http) => Page.Serve(http, Policy));
        app.MapGet("/steward/steward.js", (HttpContext http) => Script.Serve(http, Policy));
        app.MapGet("/steward/steward.css", (HttpContext http) => Style.Serve(http, Policy));
    }
}
