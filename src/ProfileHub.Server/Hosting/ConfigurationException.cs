namespace ProfileHub.Server.Hosting;

/// <summary>A setting ProfileHub cannot use, named by its configuration key; start-up reports it in one line.</summary>
internal sealed class ConfigurationException(string key, string problem, Exception? inner = null) : Exception($"{key}: {problem}", inner)
{
    public string Key { get; } = key;
}
