using AutoMapper;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Support;

/// <summary>
/// Pulls Zendesk's cursor-based incremental exports (/api/v2/incremental/users/cursor.json, then
/// /api/v2/incremental/tickets/cursor.json): the first request per stream passes `start_time`, every later one
/// the previous page's `after_cursor`, until `end_of_stream`. Each page is one batch whose watermark holds the
/// cursor after it, so a killed run resumes at the next page. Auth is an API token ("{email}/token:{token}",
/// HTTP Basic); 429 with Retry-After is retried by the context's client. Settings: `baseUrl`
/// (https://{subdomain}.zendesk.com), `email`, `token`, `startTime` (unix seconds, default 0), `perPage`.
/// </summary>
internal sealed class ZendeskSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "zendesk";

    public ConnectorKind Kind => ConnectorKind.Support;

    public string Format => FormatName;

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mapper = mapping.Mapper;
        var state = string.IsNullOrEmpty(watermark) ? new ZendeskWatermark() : JsonSerializer.Deserialize<ZendeskWatermark>(watermark) ?? new ZendeskWatermark();
        var settings = context.Settings;
        var baseUrl = new Uri(settings.GetRequiredString("baseUrl").TrimEnd('/') + "/");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.GetRequiredString("email")}/token:{settings.GetRequiredString("token")}"));
        HttpRequestMessage Request(Uri url)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return message;
        }

        var startTime = settings.GetInt("startTime") ?? 0;
        var perPage = settings.GetInt("perPage") ?? 1000;
        foreach (var stream in new[] { "users", "tickets" })
        {
            var pages = new PagedStream(context.Http, Request, $"zendesk {stream}");
            while (true)
            {
                var cursor = stream == "users" ? state.Users : state.Tickets;
                var query = cursor is null
                    ? string.Create(CultureInfo.InvariantCulture, $"start_time={startTime}&per_page={perPage}")
                    : string.Create(CultureInfo.InvariantCulture, $"cursor={Uri.EscapeDataString(cursor)}&per_page={perPage}");
                var url = new Uri(baseUrl, $"api/v2/incremental/{stream}/cursor.json?{query}");
                var rejected = new List<RejectedRow>();
                using var page = await pages.FetchAsync(url, stream, rejected, cancellationToken);
                if (page is null)
                {
                    yield return new SourceBatch([], [], rejected, rejected.Count, JsonSerializer.Serialize(state));
                    break;
                }

                var batch = stream == "users"
                    ? Users(mapper, page.Root.GetProperty("users"), pages.ItemPosition, rejected, context.DefaultRegion)
                    : Tickets(mapper, page.Root.GetProperty("tickets"), pages.ItemPosition, rejected);
                var after = JsonItems.String(page.Root, "after_cursor");
                var endOfStream = page.Root.TryGetProperty("end_of_stream", out var end) && end.ValueKind == JsonValueKind.True;
                state = stream == "users" ? state with { Users = after ?? state.Users } : state with { Tickets = after ?? state.Tickets };
                yield return batch with { WatermarkAfter = JsonSerializer.Serialize(state) };
                if (endOfStream || after is null)
                {
                    break;
                }
            }
        }
    }

    internal static SourceBatch Users(IMapper mapper, JsonElement items, Func<int, string> position, List<RejectedRow> rejected, string? region)
    {
        var users = JsonItems.Read<ZendeskUser>(items, position, u => u.Id is null ? "missing id" : null, rejected);

        // Agents and admins are staff, not customers: read, and deliberately not loaded.
        var records = users.Where(u => u.Role is null or "end-user")
            .Select(u => mapper.MapWithRegion<SourceRecordDraft>(u, region))
            .ToList();
        return new SourceBatch(records, [], rejected, items.GetArrayLength(), null);
    }

    internal static SourceBatch Tickets(IMapper mapper, JsonElement items, Func<int, string> position, List<RejectedRow> rejected)
    {
        var tickets = JsonItems.Read<ZendeskTicket>(items, position, Validate, rejected);
        var touchpoints = tickets.Where(t => t.Status != "deleted")
            .SelectMany(ZendeskTicketEvent.Of)
            .Select(e => mapper.MapWithRegion<TouchpointDraft>(e, null))
            .ToList();
        return new SourceBatch([], touchpoints, rejected, items.GetArrayLength(), null);
    }

    private static string? Validate(ZendeskTicket t) =>
        t.Id is null ? "missing id"
        : t.RequesterId is null ? "missing requester_id"
        : t.CreatedAt is null ? "missing created_at"
        : t.UpdatedAt is null ? "missing updated_at"
        : null;
}

/// <summary>The after_cursor of each incremental export stream; null until its first page was committed.</summary>
internal sealed record ZendeskWatermark(string? Users = null, string? Tickets = null);
