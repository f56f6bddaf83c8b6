using Microsoft.Extensions.Logging.Abstractions;
using ProfileHub.Connectors.Ingestion;

namespace ProfileHub.Testing;

public static class Mapping
{
    /// <summary>One mapper for the test run: building an AutoMapper configuration is the slow part.</summary>
    public static ConnectorMapper Shared { get; } = new(licenseKey: null, NullLoggerFactory.Instance);
}
