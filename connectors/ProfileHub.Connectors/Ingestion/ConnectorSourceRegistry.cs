using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Ingestion;

/// <summary>The source implementations by kind and format; the scheduler and `profilehub import` look connectors up here.</summary>
public sealed class ConnectorSourceRegistry
{
    private readonly Dictionary<(ConnectorKind, string), IConnectorSource> _sources = [];

    public ConnectorSourceRegistry(IEnumerable<IConnectorSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources)
        {
            if (!_sources.TryAdd((source.Kind, source.Format), source))
            {
                throw new InvalidOperationException($"Two connector sources read {source.Kind}/{source.Format}.");
            }
        }
    }

    public IEnumerable<(ConnectorKind Kind, string Format)> Formats => _sources.Keys.Order();

    /// <summary>The source for <paramref name="kind"/> and <paramref name="format"/>; a null format picks the kind's only one.</summary>
    public IConnectorSource Resolve(ConnectorKind kind, string? format)
    {
        if (format is null)
        {
            var ofKind = _sources.Where(s => s.Key.Item1 == kind).Select(s => s.Value).ToList();
            return ofKind.Count == 1
                ? ofKind[0]
                : throw new InvalidOperationException(
                    $"Connector kind {kind} has {(ofKind.Count == 0 ? "no formats" : $"several formats ({string.Join(", ", ofKind.Select(s => s.Format))})")}; set Format.");
        }

        return _sources.TryGetValue((kind, format), out var source)
            ? source
            : throw new InvalidOperationException(
                $"No connector reads {kind}/{format}. Known: {string.Join(", ", Formats.Select(f => $"{f.Kind}/{f.Format}"))}.");
    }
}
