using Microsoft.Extensions.Logging.Abstractions;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Support;

/// <summary>Reads a vendor source directly (no database) for tests of what it makes of a vendor's format.</summary>
internal static class VendorRead
{
    public static ConnectorContext Context(ConnectorKind kind, string settings, IInboundPayloads? inbound = null) =>
        new(1, "under-test", kind, ConnectorSettings.Parse(settings), new FixedClock(IngestionHarness.T0), new HttpClient(),
            inbound ?? new NoInbound(), NullLogger.Instance);

    public static async Task<List<SourceBatch>> AllAsync(IConnectorSource source, ConnectorContext context, string? watermark = null)
    {
        var batches = new List<SourceBatch>();
        await foreach (var batch in source.ReadAsync(context, watermark, CancellationToken.None))
        {
            batches.Add(batch);
        }

        return batches;
    }

    /// <summary>Settings JSON with a `path` pointing at <paramref name="path"/>, plus any other settings.</summary>
    public static string PathSettings(string path, string extra = "") =>
        System.Text.Json.JsonSerializer.Serialize(path) is var quoted ? $$"""{"path":{{quoted}}{{(extra.Length > 0 ? "," + extra : string.Empty)}}}""" : string.Empty;

    /// <summary>Stored webhook bodies, in id order, served the way the pipeline's store serves them.</summary>
    internal sealed class InboundList(params string[] bodies) : IInboundPayloads
    {
        public Task<IReadOnlyList<InboundPayloadBody>> ReadAsync(int connectorId, long afterId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<InboundPayloadBody>>(
                [.. bodies.Select((b, i) => new InboundPayloadBody(i + 1, IngestionHarness.T0, b)).Where(p => p.Id > afterId).Take(limit)]);
    }

    private sealed class NoInbound : IInboundPayloads
    {
        public Task<IReadOnlyList<InboundPayloadBody>> ReadAsync(int connectorId, long afterId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<InboundPayloadBody>>([]);
    }
}
