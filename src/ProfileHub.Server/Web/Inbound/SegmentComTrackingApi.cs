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

namespace ProfileHub.Server.Web.Inbound;

/// <summary>
/// An endpoint compatible with Segment's HTTP Tracking API (segment.com/docs/connections/sources/catalog/
/// libraries/server/http-api): POST /v1/batch (and /v1/import), /v1/identify, /v1/track, /v1/page, /v1/screen,
/// /v1/alias, with HTTP Basic auth carrying the source's write key as user name, as Segment's libraries send
/// it. The body is stored raw, and the connector's job processes it. A body over the connector's `maxBodyBytes`
/// (Segment's own 500 KB by default) is 413, one that is not a JSON object of text 400, and neither is stored
/// (<see cref="InboundRequest"/>, the rule every inbound endpoint shares).
/// </summary>
internal static class SegmentComTrackingApi
{
    private static readonly string[] Endpoints = ["batch", "import", "identify", "track", "page", "screen", "alias", "group"];

    public static void MapSegmentComTrackingApi(this IEndpointRouteBuilder app)
    {
        foreach (var endpoint in Endpoints)
        {
            app.MapPost($"/v1/{endpoint}", (HttpContext http, SegmentComWriteKeys keys, ProfileHubDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
                ReceiveAsync(http, endpoint == "import" ? "batch" : endpoint, keys, db, clock, cancellationToken));
        }
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, string endpoint, SegmentComWriteKeys keys, ProfileHubDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (WriteKey(http.Request) is not { } writeKey || keys.Find(writeKey) is not { } connectorName)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"ProfileHub tracking API\"";
            return Results.Json(new { success = false, message = "Invalid write key" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var maxBytes = keys.MaxBodyBytes(connectorName);
        if (await InboundRequest.ReadBodyAsync(http.Request, maxBytes, cancellationToken) is not { } bytes)
        {
            return Failure(StatusCodes.Status413PayloadTooLarge, $"Request body larger than {maxBytes} bytes");
        }

        if (InboundRequest.JsonProblem(bytes, JsonValueKind.Object) is { } problem)
        {
            return Failure(StatusCodes.Status400BadRequest, problem);
        }

        var body = Encoding.UTF8.GetString(bytes);
        var connectorId = await keys.ConnectorIdAsync(connectorName, db, cancellationToken);
        db.InboundPayloads.Add(new InboundPayload(connectorId, SegmentComEnvelope.Wrap(endpoint, body), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Results.Json(new { success = true });
    }

    private static IResult Failure(int status, string message) =>
        Results.Json(new { success = false, message }, statusCode: status);

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
}

/// <summary>The write keys of the configured Segment HTTP connectors (setting `writeKey`), and their ids.</summary>
internal sealed class SegmentComWriteKeys
{
    // Segment's documented limit: 500 KB per batch request (32 KB per message).
    public const int DefaultMaxBodyBytes = 500 * 1024;

    private readonly Dictionary<string, string> _connectorByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _maxBodyBytes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);

    public SegmentComWriteKeys(IEnumerable<ConnectorDefinition> definitions)
    {
        foreach (var definition in definitions.Where(d => d is { Kind: ConnectorKind.Web, Format: "segment-http", Enabled: true }))
        {
            var settings = ConnectorSettings.Parse(definition.Settings);
            if (settings.GetString("writeKey") is { Length: > 0 } key && !_connectorByKey.TryAdd(key, definition.Name))
            {
                throw new InvalidOperationException($"Connectors {_connectorByKey[key]} and {definition.Name} have the same Segment write key.");
            }

            _maxBodyBytes[definition.Name] = InboundRequest.MaxBodyBytes(settings, DefaultMaxBodyBytes);
        }
    }

    public string? Find(string writeKey) => _connectorByKey.GetValueOrDefault(writeKey);

    /// <summary>The body limit of the connector a write key found (its `maxBodyBytes`, else Segment's own).</summary>
    public int MaxBodyBytes(string connector) => _maxBodyBytes[connector];

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
