using Microsoft.AspNetCore.Connections;
using ProfileHub.Storage;
using ProfileHub.Storage.Migrations;

namespace ProfileHub.Server.Hosting;

/// <summary>
/// Turns a misconfiguration or an unusable database into one line on stderr and exit code 2, instead of a
/// stack trace: the user needs the setting to change, not our call stack.
/// </summary>
internal static class StartupErrors
{
    public const int ExitCode = 2;

    public static async Task<int> RunAsync(Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (Exception e) when (e is DatabaseSetupException or MigrationException or CommandLineException or ConfigurationException)
        {
            await Console.Error.WriteLineAsync($"profilehub: {e.Message}");
            return ExitCode;
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            // Kestrel: "Failed to bind to address http://127.0.0.1:5000: address already in use."
            await Console.Error.WriteLineAsync($"profilehub: {e.Message} Another process listens there: stop it, or choose another address with --urls or ASPNETCORE_URLS.");
            return ExitCode;
        }
    }
}
