namespace ProfileHub.Core.Profiles;

public enum ProfileStatus
{
    Active,
    Merged,
    Erased,
}
