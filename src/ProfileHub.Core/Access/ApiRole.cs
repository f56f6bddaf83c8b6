namespace ProfileHub.Core.Access;

/// <summary>Who an API key acts for; what each role may do is <see cref="RoleCapabilities"/>.</summary>
public enum ApiRole
{
    /// <summary>Reads unified profiles and journeys.</summary>
    Marketing,

    /// <summary>Reads, reviews uncertain matches and changes profiles (merge, split, pin, erase).</summary>
    Steward,

    /// <summary>Pulls audiences and manages segments.</summary>
    Segmentation,

    Admin,
}
