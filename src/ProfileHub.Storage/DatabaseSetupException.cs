namespace ProfileHub.Storage;

/// <summary>
/// The database cannot be used as configured. The message is one line a user can act on, naming the
/// setting to change; start-up prints it instead of a stack trace.
/// </summary>
public sealed class DatabaseSetupException : Exception
{
    public DatabaseSetupException(string setting, string problem, Exception? inner = null)
        : base($"{setting}: {problem}", inner)
    {
        Setting = setting;
    }

    public string Setting { get; }

    internal static DatabaseSetupException ConnectionString(string problem, Exception? inner = null) =>
        new($"{DatabaseOptions.Section}:ConnectionString", problem, inner);
}
