namespace ProfileHub.Core.Touchpoints;

public enum TouchpointChannel
{
    Web,
    Email,
    Social,
    Ads,
    Support,
    Loyalty,

    /// <summary>In-store, events, phone calls: whatever a file connector maps as offline.</summary>
    Offline,
}
