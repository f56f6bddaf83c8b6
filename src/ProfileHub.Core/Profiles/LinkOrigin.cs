namespace ProfileHub.Core.Profiles;

public enum LinkOrigin
{
    /// <summary>The record founded the profile.</summary>
    Seed,

    /// <summary>Matching linked it automatically (score above the upper threshold).</summary>
    Rule,

    /// <summary>A data steward linked it (a merge, a resolved review item).</summary>
    Steward,
}
