namespace ProfileHub.Core.Matching;

/// <summary>
/// A data steward's standing decisions, by record id: must-link pairs are merged whatever the score
/// (and before any scored link), cannot-link pairs never end up in the same profile.
/// </summary>
public sealed class StewardConstraints
{
    public static StewardConstraints None { get; } = new();

    public List<(string Left, string Right)> MustLink { get; } = [];

    public List<(string Left, string Right)> CannotLink { get; } = [];
}
