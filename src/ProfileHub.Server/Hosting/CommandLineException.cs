namespace ProfileHub.Server.Hosting;

/// <summary>A verb cannot do what it was asked (an unknown name, an impossible option): one line, exit code 2.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
