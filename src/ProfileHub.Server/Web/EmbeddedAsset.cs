namespace ProfileHub.Server.Web;

/// <summary>
/// A file of a web page (HTML, script, style) embedded in the executable: read once, served from memory,
/// never from the disk or a CDN, so the server's build is the page's only version.
/// </summary>
internal sealed class EmbeddedAsset(string resource, string contentType)
{
    private readonly Lazy<byte[]> _bytes = new(() =>
    {
        using var stream = typeof(EmbeddedAsset).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public IResult Serve(HttpContext http, string contentSecurityPolicy)
    {
        http.Response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(_bytes.Value, contentType);
    }
}
