using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Storage.Bulk;

/// <summary>Enum values as the model stores them (by name), without Enum.ToString's per-call cost in million-row loads.</summary>
internal static class Names
{
    private static readonly string[] Channels = Enum.GetNames<TouchpointChannel>();
    private static readonly string[] Stages = Enum.GetNames<JourneyStage>();
    private static readonly string[] Initiatives = Enum.GetNames<Initiative>();

    public static string Of(TouchpointChannel channel) => Channels[(int)channel];

    public static string Of(JourneyStage stage) => Stages[(int)stage];

    public static string Of(Initiative initiative) => Initiatives[(int)initiative];
}
