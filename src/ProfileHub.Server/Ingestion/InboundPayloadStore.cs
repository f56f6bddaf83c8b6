using Microsoft.EntityFrameworkCore;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Storage;

namespace ProfileHub.Server.Ingestion;

/// <summary>Reads stored, unprocessed request bodies for pushed sources.</summary>
internal sealed class InboundPayloadStore(Func<ProfileHubDbContext> contexts) : IInboundPayloads
{
    public async Task<IReadOnlyList<InboundPayloadBody>> ReadAsync(int connectorId, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var db = contexts();
        return await db.InboundPayloads.AsNoTracking()
            .Where(p => p.ConnectorId == connectorId && !p.Processed && p.Id > afterId)
            .OrderBy(p => p.Id)
            .Take(limit)
            .Select(p => new InboundPayloadBody(p.Id, p.ReceivedAt, p.Body))
            .ToListAsync(cancellationToken);
    }
}
