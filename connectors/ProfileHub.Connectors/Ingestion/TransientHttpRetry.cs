using System.Net;
using Polly;
using Polly.Retry;
using ProfileHub.Connectors.Social;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>
/// The retry every pulled connector's HTTP calls go through: transient failures (network errors, 408, 429,
/// 5xx) are retried with exponential backoff and jitter, and a server's Retry-After (seconds or a date, RFC
/// 9110 §10.2.3) replaces the backoff, so vendor rate limits (Zendesk's and Smile's 429s) are honoured. Meta's
/// Graph API throttles with 400/403 and an error code instead (<see cref="GraphApiThrottling"/>): retried too,
/// after the time its usage header announces.
/// </summary>
public sealed class TransientHttpRetry : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public TransientHttpRetry(TimeProvider clock, int maxRetries = 4, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var longest = maxDelay ?? TimeSpan.FromMinutes(2);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        _pipeline = maxRetries <= 0 ? builder.Build() : builder
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromSeconds(1),
                MaxDelay = longest,
                ShouldHandle = async args => args.Outcome.Exception is HttpRequestException or TimeoutException
                    || (args.Outcome.Result is { } response
                        && (IsTransient(response) || await GraphApiThrottling.IsThrottledAsync(response, args.Context.CancellationToken))),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, clock, longest)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>A client whose requests go through this retry over a fresh socket handler.</summary>
    public static HttpClient CreateClient(TimeProvider clock, int maxRetries = 4, TimeSpan? baseDelay = null) =>
        new(new TransientHttpRetry(clock, maxRetries, baseDelay) { InnerHandler = new SocketsHttpHandler() });

    public static bool IsTransient(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken).AsTask();

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock, TimeSpan longest)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : (TimeSpan?)null) ?? GraphApiThrottling.RegainAccessIn(response);
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, longest.Ticks));
    }
}
