using System.Net;
using Polly;
using Polly.Retry;

namespace ProfileHub.Connectors.VendorApi;

/// <summary>
/// GETs vendor API pages through a bounded Polly retry: 429 and 5xx responses and dropped connections are
/// retried, waiting what the vendor's Retry-After says (Zendesk, Smile.io and Graph API all send it on 429)
/// and otherwise backing off exponentially. What still fails after that fails the run with a clear message.
/// </summary>
internal sealed class VendorHttp
{
    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _clock;

    public VendorHttp(HttpClient client, VendorHttpOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _clock = clock;
        _client.Timeout = options.RequestTimeout;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.BaseDelay,
                UseJitter = false,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Requests made, retries included: the tests count them.</summary>
    public int Requests { get; private set; }

    public async Task<PageFetch> GetPageAsync(Uri url, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async ct =>
                {
                    Requests++;
                    return await _client.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
                },
                cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new VendorApiException($"GET {Redacted(url)} failed after retries: {e.Message}", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new VendorApiException(
                    $"GET {Redacted(url)} answered {(int)response.StatusCode} {response.ReasonPhrase}" +
                    (IsTransient(response) ? " after retries" : string.Empty) + $": {Excerpt(body)}");
            }

            return PageFetch.FromBody(url, body, response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - _clock.GetUtcNow() : TimeSpan.Zero);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }

    /// <summary>Query strings can carry access tokens (Graph API): error messages keep only the path.</summary>
    private static string Redacted(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
