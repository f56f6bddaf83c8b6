using System.Net;
using Microsoft.AspNetCore.Http;

namespace ProfileHub.GraphQL.Http;

/// <summary>
/// GraphiQL for browsers at the endpoint (GET with Accept: text/html). Its scripts and styles are the npm bundles
/// embedded at build time (see the project file), served from <c>{endpoint}/graphiql/{file}</c>, never a CDN.
/// </summary>
internal static class GraphiQLPage
{
    private static readonly string[] Assets = ["graphiql.min.css", "react.production.min.js", "react-dom.production.min.js", "graphiql.min.js"];

    public static bool AssetsEmbedded { get; } = Assets.All(a => typeof(GraphiQLPage).Assembly.GetManifestResourceInfo("GraphiQL/" + a) is not null);

    public static async Task WritePageAsync(HttpContext context)
    {
        var endpoint = context.Request.PathBase + context.Request.Path.ToString().TrimEnd('/');
        var assets = WebUtility.HtmlEncode(endpoint + "/graphiql/");
        context.Response.ContentType = "text/html; charset=utf-8";
        if (!AssetsEmbedded)
        {
            await context.Response.WriteAsync("<!doctype html><title>GraphiQL</title><p>This build was made without GraphiQL (-p:IncludeGraphiQL=false). The GraphQL endpoint itself works: POST application/json.</p>", context.RequestAborted);
            return;
        }
        await context.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>GraphiQL</title>
              <link rel="stylesheet" href="{{assets}}graphiql.min.css">
            </head>
            <body style="margin: 0">
              <div id="graphiql" style="height: 100vh"></div>
              <script src="{{assets}}react.production.min.js"></script>
              <script src="{{assets}}react-dom.production.min.js"></script>
              <script src="{{assets}}graphiql.min.js"></script>
              <script>
                const fetcher = GraphiQL.createFetcher({ url: location.pathname });
                ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher }));
              </script>
            </body>
            </html>
            """, context.RequestAborted);
    }

    public static async Task WriteAssetAsync(HttpContext context, string file)
    {
        var stream = Assets.Contains(file, StringComparer.Ordinal) ? typeof(GraphiQLPage).Assembly.GetManifestResourceStream("GraphiQL/" + file) : null;
        if (stream is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await using (stream)
        {
            context.Response.ContentType = file.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            context.Response.Headers.CacheControl = "public, max-age=86400";
            context.Response.ContentLength = stream.Length;
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
