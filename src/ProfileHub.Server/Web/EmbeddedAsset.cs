using System.Security.Cryptography;
using System.Text;

namespace ProfileHub.Server.Web;

/// <summary>
/// A file of a web page (HTML, script, style) embedded in the executable: read once, served from memory,
/// never from the disk or a CDN, so the server's build is the page's only version. Its version (a hash of its
/// bytes) is its ETag, so a reload costs a 304; a page that names it as <see cref="VersionedPath"/> lets the
/// browser keep it for good (another build has another version, hence another address).
/// </summary>
internal sealed class EmbeddedAsset
{
    private const string Forever = "public, max-age=31536000, immutable";

    private readonly Lazy<(byte[] Bytes, string Version)> _content;
    private readonly string _contentType;

    /// <summary>The resource <paramref name="resource"/>, its text changed once by <paramref name="rewrite"/> if given (a page naming its script and style by version).</summary>
    public EmbeddedAsset(string resource, string contentType, Func<string, string>? rewrite = null)
    {
        _contentType = contentType;
        _content = new(() =>
        {
            using var stream = typeof(EmbeddedAsset).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from the build.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = rewrite is null ? copy.ToArray() : Encoding.UTF8.GetBytes(rewrite(Encoding.UTF8.GetString(copy.ToArray())));
            return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]);
        });
    }

    public string Version => _content.Value.Version;

    /// <summary><paramref name="path"/> with this content's version, the address under which browsers may keep it.</summary>
    public string VersionedPath(string path) => $"{path}?v={Version}";

    public IResult Serve(HttpContext http, string contentSecurityPolicy)
    {
        var (bytes, version) = _content.Value;
        var etag = $"\"{version}\"";
        http.Response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = http.Request.Query["v"] == version ? Forever : "no-cache";
        return http.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag))
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(bytes, _contentType);
    }
}
