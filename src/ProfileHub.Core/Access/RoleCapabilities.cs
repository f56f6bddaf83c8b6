namespace ProfileHub.Core.Access;

/// <summary>The one place that says what each role may do.</summary>
public static class RoleCapabilities
{
    public static Capability Of(ApiRole role) => role switch
    {
        ApiRole.Marketing => Capability.ReadProfiles,
        ApiRole.Steward => Capability.ReadProfiles | Capability.Steward,
        ApiRole.Segmentation => Capability.Audiences | Capability.ManageSegments,
        ApiRole.Admin => Capability.ReadProfiles | Capability.Steward | Capability.Audiences | Capability.ManageSegments | Capability.ManageKeys,
        _ => Capability.None,
    };

    public static bool Allows(this ApiRole role, Capability capability) => (Of(role) & capability) == capability;
}
