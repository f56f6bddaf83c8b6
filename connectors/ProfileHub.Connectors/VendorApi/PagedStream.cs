using System.Text.Json;
using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// Walks one paginated vendor collection: fetches page after page, rejecting (and stopping at) a page that is
/// not the expected JSON or whose next link was already visited in this run (a pagination loop), so a bad page
/// costs that page and the rest of this run's walk, never the pages already read. The stored watermark
/// still points before the bad page, so the next run tries it again.
/// </summary>
internal sealed class PagedStream(HttpClient client, Func<Uri, HttpRequestMessage> request, string name)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

    public int Pages { get; private set; }

    /// <summary>
    /// Fetches <paramref name="url"/>; returns the page's item array named <paramref name="itemsProperty"/>,
    /// or null after adding a rejection for the whole page to <paramref name="rejected"/>.
    /// </summary>
    public async Task<PageFetch?> FetchAsync(Uri url, string itemsProperty, List<RejectedRow> rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(rejected);
        var position = $"{name} page {Pages + 1} ({VendorHttp.Redacted(url)}{Query(url)})";
        if (!_visited.Add(url.ToString()))
        {
            rejected.Add(new RejectedRow(position, url.ToString(), "pagination loop: this page was already read in this run"));
            return null;
        }

        Pages++;
        using var message = request(url);
        var page = await VendorHttp.GetPageAsync(client, message, cancellationToken);
        if (page.Problem is not null || !page.Root.TryGetProperty(itemsProperty, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            rejected.Add(new RejectedRow(position, page.Body, page.Problem ?? $"no \"{itemsProperty}\" array in the page"));
            page.Dispose();
            return null;
        }

        return page;
    }

    public string ItemPosition(int item) => $"{name} page {Pages}, item {item}";

    /// <summary>The query without secrets (access_token is Graph API's way of authenticating).</summary>
    private static string Query(Uri url) =>
        string.Join('&', url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("access_token=", StringComparison.Ordinal))) is { Length: > 0 } q ? "?" + q : string.Empty;
}
