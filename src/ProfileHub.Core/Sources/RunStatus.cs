namespace ProfileHub.Core.Sources;

public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
}
