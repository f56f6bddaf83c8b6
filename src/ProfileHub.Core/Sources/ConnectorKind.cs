namespace ProfileHub.Core.Sources;

/// <summary>The channel a connector reads, one folder each under connectors/.</summary>
public enum ConnectorKind
{
    Web,
    Email,
    Social,
    Ads,
    Support,
    Loyalty,
    File,
}
