using Microsoft.Extensions.Logging;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>Everything a source needs to know about the configured connector it is reading for.</summary>
public sealed class ConnectorContext
{
    public ConnectorContext(
        int connectorId,
        string name,
        ConnectorKind kind,
        ConnectorSettings settings,
        TimeProvider clock,
        HttpClient http,
        IInboundPayloads inbound,
        ILogger logger)
    {
        ConnectorId = connectorId;
        Name = name;
        Kind = kind;
        Settings = settings;
        Clock = clock;
        Http = http;
        Inbound = inbound;
        Logger = logger;
    }

    public int ConnectorId { get; }

    /// <summary>The configured name ("segment-web", "zendesk-main").</summary>
    public string Name { get; }

    public ConnectorKind Kind { get; }

    public ConnectorSettings Settings { get; }

    public TimeProvider Clock { get; }

    /// <summary>
    /// For pulled sources: retries transient failures (5xx, 408, 429, network errors) with backoff,
    /// honouring Retry-After; a response that is still failing after the retries is returned as is.
    /// </summary>
    public HttpClient Http { get; }

    /// <summary>For pushed sources: the stored request bodies not yet processed.</summary>
    public IInboundPayloads Inbound { get; }

    public ILogger Logger { get; }

    /// <summary>ISO alpha-2 region for phones written nationally: the `defaultRegion` setting, else null.</summary>
    public string? DefaultRegion => Settings.GetString("defaultRegion");

    /// <summary>Batch size for sources that choose one: the `batchSize` setting, else <paramref name="fallback"/>.</summary>
    public int BatchSize(int fallback) => Settings.GetInt("batchSize") is > 0 and var size ? size : fallback;
}

/// <summary>The unprocessed request bodies a pushed source reads (Segment HTTP API, SendGrid webhook).</summary>
public interface IInboundPayloads
{
    /// <summary>Up to <paramref name="limit"/> unprocessed payloads of the connector with an id above <paramref name="afterId"/>, in id order.</summary>
    Task<IReadOnlyList<InboundPayloadBody>> ReadAsync(int connectorId, long afterId, int limit, CancellationToken cancellationToken);
}

public sealed record InboundPayloadBody(long Id, DateTimeOffset ReceivedAt, string Body);
