namespace ProfileHub.Server.Resolve;

/// <summary>
/// Exit codes of `profilehub resolve` (also listed in its --help text). Malformed rows do not change
/// the exit code: they are reported on stderr with their line numbers and counted, and the run goes on.
/// </summary>
internal static class ResolveExitCode
{
    public const int Success = 0;

    /// <summary>Bad command line: a malformed or conflicting --map, a missing required option.</summary>
    public const int Usage = 1;

    /// <summary>Unusable input: missing or empty file, missing id column, unknown mapped column, duplicate record ids.</summary>
    public const int InputError = 2;

    /// <summary>An output file could not be written.</summary>
    public const int OutputError = 3;
}
