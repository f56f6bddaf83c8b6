using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Social;

/// <summary>
/// Pulls comments on the configured Page objects (posts, videos) from the Graph API: GET
/// /{object-id}/comments in chronological order with a `since` watermark (unix seconds, per object), following
/// `paging.next` until there is none. Each page is a batch whose watermark is the newest created_time read on
/// that object, so a killed run resumes there; re-read comments at the boundary are duplicates by comment id.
/// Settings: `baseUrl` (https://graph.facebook.com/v19.0), `accessToken`, `objectIds` (array), `limit`.
/// </summary>
internal sealed class FacebookCommentsSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "facebook-graph";
    private const string Fields = "id,message,created_time,from,parent,like_count";

    public ConnectorKind Kind => ConnectorKind.Social;

    public string Format => FormatName;

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mapper = mapping.Mapper;
        var since = string.IsNullOrEmpty(watermark)
            ? new SortedDictionary<string, long>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<SortedDictionary<string, long>>(watermark) ?? new SortedDictionary<string, long>(StringComparer.Ordinal);
        var baseUrl = context.Settings.GetRequiredString("baseUrl").TrimEnd('/');
        var token = context.Settings.GetRequiredString("accessToken");
        var limit = context.Settings.GetInt("limit") ?? 100;
        var objects = context.Settings.GetList("objectIds");
        foreach (var objectId in objects)
        {
            var pages = new PagedStream(context.Http, url => new HttpRequestMessage(HttpMethod.Get, url), $"facebook {objectId} comments");
            var query = string.Create(CultureInfo.InvariantCulture, $"fields={Fields}&filter=stream&order=chronological&limit={limit}")
                + (since.TryGetValue(objectId, out var from) ? string.Create(CultureInfo.InvariantCulture, $"&since={from}") : string.Empty)
                + $"&access_token={Uri.EscapeDataString(token)}";
            Uri? next = new($"{baseUrl}/{Uri.EscapeDataString(objectId)}/comments?{query}");
            while (next is not null)
            {
                var rejected = new List<RejectedRow>();
                using var page = await pages.FetchAsync(next, "data", rejected, cancellationToken);
                if (page is null)
                {
                    yield return new SourceBatch([], [], rejected, rejected.Count, JsonSerializer.Serialize(since));
                    break;
                }

                var data = page.Root.GetProperty("data");
                var comments = JsonItems.Read<FacebookComment>(data, pages.ItemPosition, Validate, rejected);
                var posts = comments.Select(c => mapper.Map<SocialPost>(c)).ToList();
                if (posts.Count > 0)
                {
                    var newest = posts.Max(p => p.OccurredAt).ToUnixTimeSeconds();
                    since[objectId] = since.TryGetValue(objectId, out var old) ? Math.Max(old, newest) : newest;
                }

                next = page.Root.TryGetProperty("paging", out var paging) && JsonItems.String(paging, "next") is { } link ? new Uri(link) : null;
                yield return SocialBatch.From(mapper, posts, rejected, data.GetArrayLength(), JsonSerializer.Serialize(since));
            }
        }
    }

    private static string? Validate(FacebookComment c) =>
        string.IsNullOrWhiteSpace(c.Id) ? "missing id"
        : VendorTime.ParseIso(c.CreatedTime) is null ? $"missing or unreadable created_time '{c.CreatedTime}'"
        : null;
}
