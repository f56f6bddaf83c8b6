using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.Web;
using ProfileHub.Core.Sources;
using ProfileHub.Server.Ingestion;
using ProfileHub.Storage;

namespace ProfileHub.Server.Web;

/// <summary>
/// An endpoint compatible with Segment's HTTP Tracking API (segment.com/docs/connections/sources/catalog/
/// libraries/server/http-api): POST /v1/batch (and /v1/import), /v1/identify, /v1/track, /v1/page, /v1/screen,
/// /v1/alias, with HTTP Basic auth carrying the source's write key as user name, as Segment's libraries send
/// it. The body is stored raw, and the connector's job processes it.
/// </summary>
internal static class SegmentTrackingApi
{
    // Segment's documented limit: 500 KB per batch request (32 KB per message).
    private const int MaxBody = 500 * 1024;

    private static readonly string[] Endpoints = ["batch", "import", "identify", "track", "page", "screen", "alias", "group"];

    public static void AddProfileHubWeb(this IServiceCollection services) =>
        services.AddSingleton(sp => new SegmentWriteKeys(sp.GetRequiredService<IReadOnlyList<ConnectorDefinition>>()));

    public static void MapProfileHubWeb(this IEndpointRouteBuilder app)
    {
        foreach (var endpoint in Endpoints)
        {
            app.MapPost($"/v1/{endpoint}", (HttpContext http, SegmentWriteKeys keys, ProfileHubDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
                ReceiveAsync(http, endpoint == "import" ? "batch" : endpoint, keys, db, clock, cancellationToken));
        }

        app.MapJourneyPage();
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, string endpoint, SegmentWriteKeys keys, ProfileHubDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (WriteKey(http.Request) is not { } writeKey || keys.Find(writeKey) is not { } connectorName)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"ProfileHub tracking API\"";
            return Results.Json(new { success = false, message = "Invalid write key" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return Failure($"Request body larger than {MaxBody / 1024} KB");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Failure("Request body is not a JSON object");
            }
        }
        catch (JsonException e)
        {
            return Failure($"Invalid JSON: {e.Message}");
        }

        var connectorId = await keys.ConnectorIdAsync(connectorName, db, cancellationToken);
        db.InboundPayloads.Add(new InboundPayload(connectorId, SegmentEnvelope.Wrap(endpoint, body), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Results.Json(new { success = true });
    }

    private static IResult Failure(string message) =>
        Results.Json(new { success = false, message }, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Basic auth: base64("writeKey:"), the write key as user name and an empty password.</summary>
    private static string? WriteKey(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? decoded : decoded[..colon];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

/// <summary>The write keys of the configured Segment HTTP connectors (setting `writeKey`), and their ids.</summary>
internal sealed class SegmentWriteKeys
{
    private readonly Dictionary<string, string> _connectorByKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);

    public SegmentWriteKeys(IEnumerable<ConnectorDefinition> definitions)
    {
        foreach (var definition in definitions.Where(d => d is { Kind: ConnectorKind.Web, Format: "segment-http", Enabled: true }))
        {
            if (ConnectorSettings.Parse(definition.Settings).GetString("writeKey") is { Length: > 0 } key && !_connectorByKey.TryAdd(key, definition.Name))
            {
                throw new InvalidOperationException($"Connectors {_connectorByKey[key]} and {definition.Name} have the same Segment write key.");
            }
        }
    }

    public string? Find(string writeKey) => _connectorByKey.GetValueOrDefault(writeKey);

    public async Task<int> ConnectorIdAsync(string connector, ProfileHubDbContext db, CancellationToken cancellationToken)
    {
        if (_ids.TryGetValue(connector, out var id))
        {
            return id;
        }

        id = await db.Connectors.Where(c => c.Name == connector).Select(c => c.Id).SingleAsync(cancellationToken);
        return _ids.GetOrAdd(connector, id);
    }
}
