using System.Runtime.CompilerServices;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;

namespace ProfileHub.Server.Tests.Support;

/// <summary>A source that yields exactly the batches a test gives it, whatever the watermark.</summary>
internal sealed class ScriptedSource(params SourceBatch[] batches) : IConnectorSource
{
    public ConnectorKind Kind => ConnectorKind.File;

    public string Format => "scripted";

    public async IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var batch in batches)
        {
            await Task.Yield();
            yield return batch;
        }
    }
}
