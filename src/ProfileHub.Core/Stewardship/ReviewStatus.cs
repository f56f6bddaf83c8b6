namespace ProfileHub.Core.Stewardship;

public enum ReviewStatus
{
    Open,
    Merged,
    NotAMatch,
}
