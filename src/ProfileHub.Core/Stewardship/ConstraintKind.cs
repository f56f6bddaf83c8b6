namespace ProfileHub.Core.Stewardship;

public enum ConstraintKind
{
    MustLink,
    CannotLink,
    PinnedValue,
}
