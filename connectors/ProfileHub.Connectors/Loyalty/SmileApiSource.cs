using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Loyalty;

/// <summary>
/// Pulls Smile.io members (GET /customers) and the points ledger (GET /points_transactions) with cursor paging
/// (`cursor` in, `metadata.next_cursor` out) and `updated_at_min`. Smile lists newest first, so a pass's
/// high-water mark becomes the next pass's `updated_at_min` only when the pass ends; meanwhile the watermark
/// keeps the pass's filter and cursor, so a killed run resumes at the next page with no gap. Settings:
/// `baseUrl` (https://api.smile.io/v1), `apiKey` (Bearer), `limit` (1–250).
/// </summary>
internal sealed class SmileApiSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "smile-api";

    public ConnectorKind Kind => ConnectorKind.Loyalty;

    public string Format => FormatName;

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mapper = mapping.Mapper;
        var state = string.IsNullOrEmpty(watermark) ? new SmileWatermark() : JsonSerializer.Deserialize<SmileWatermark>(watermark) ?? new SmileWatermark();
        var baseUrl = new Uri(context.Settings.GetRequiredString("baseUrl").TrimEnd('/') + "/");
        var apiKey = context.Settings.GetRequiredString("apiKey");
        var limit = Math.Clamp(context.Settings.GetInt("limit") ?? 250, 1, 250);
        HttpRequestMessage Request(Uri url)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            return message;
        }

        foreach (var collection in new[] { "customers", "points_transactions" })
        {
            var pages = new PagedStream(context.Http, Request, $"smile {collection}");
            while (true)
            {
                var pass = collection == "customers" ? state.Customers : state.Points;
                var query = $"limit={limit.ToString(CultureInfo.InvariantCulture)}"
                    + (pass.Since is { } since ? $"&updated_at_min={Uri.EscapeDataString(VendorTime.ToIso(since))}" : string.Empty)
                    + (pass.Cursor is { } cursor ? $"&cursor={Uri.EscapeDataString(cursor)}" : string.Empty);
                var rejected = new List<RejectedRow>();
                using var page = await pages.FetchAsync(new Uri(baseUrl, $"{collection}?{query}"), collection, rejected, cancellationToken);
                if (page is null)
                {
                    yield return new SourceBatch([], [], rejected, rejected.Count, JsonSerializer.Serialize(state));
                    break;
                }

                var items = page.Root.GetProperty(collection);
                List<SmileCustomer> customers = [];
                List<SmilePointsTransaction> transactions = [];
                DateTimeOffset? newest;
                if (collection == "customers")
                {
                    customers = JsonItems.Read<SmileCustomer>(items, pages.ItemPosition, SmileValidation.Customer, rejected);
                    newest = customers.Max(c => c.UpdatedAt);
                }
                else
                {
                    transactions = JsonItems.Read<SmilePointsTransaction>(items, pages.ItemPosition, SmileValidation.Transaction, rejected);
                    newest = transactions.Max(t => t.UpdatedAt ?? t.CreatedAt);
                }

                var next = page.Root.TryGetProperty("metadata", out var metadata) ? JsonItems.String(metadata, "next_cursor") : null;
                pass = pass.After(newest, string.IsNullOrEmpty(next) ? null : next);
                state = collection == "customers" ? state with { Customers = pass } : state with { Points = pass };
                yield return SmileBatch.From(mapper, customers, transactions, rejected, items.GetArrayLength(), JsonSerializer.Serialize(state));
                if (pass.Cursor is null)
                {
                    break;
                }
            }
        }
    }
}

/// <summary>Where each collection's pass stands.</summary>
internal sealed record SmileWatermark
{
    public SmilePass Customers { get; init; } = new();

    public SmilePass Points { get; init; } = new();
}

/// <summary>
/// One pass over a collection: the `updated_at_min` it filters by, the cursor of its next page (null when the
/// pass is complete) and the newest update it has seen so far, which becomes the next pass's filter.
/// </summary>
internal sealed record SmilePass(DateTimeOffset? Since = null, string? Cursor = null, DateTimeOffset? Newest = null)
{
    public SmilePass After(DateTimeOffset? newestOnPage, string? nextCursor)
    {
        var newest = Newest is null || (newestOnPage is not null && newestOnPage > Newest) ? newestOnPage ?? Newest : Newest;
        return nextCursor is null
            ? new SmilePass(newest ?? Since, null, null)
            : this with { Cursor = nextCursor, Newest = newest };
    }
}
