namespace ProfileHub.Core.Access;

[Flags]
public enum Capability
{
    None = 0,
    ReadProfiles = 1,
    Steward = 2,
    Audiences = 4,
    ManageSegments = 8,
    ManageKeys = 16,
}
