using ProfileHub.Server.Tests.Support;

namespace ProfileHub.Server.Tests.Hosting;

/// <summary>`profilehub --help` and a verb's `--help`, as the real executable prints them.</summary>
public sealed class CommandLineHelpTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFiles _workingDirectory = new();

    public void Dispose() => _workingDirectory.Dispose();

    [Theory]
    [InlineData("profilehub [command] [options] [[--] <additional arguments>...]", "--help")]
    [InlineData("profilehub import [options] [[--] <additional arguments>...]", "import", "--help")]
    public async Task Usage_lines_close_every_bracket_they_open_and_say_what_the_additional_arguments_are(string usage, params string[] args)
    {
        await using var help = ProfileHubProcess.Start(_workingDirectory.Root, args: args);

        Assert.Equal(0, await help.WaitForExitAsync(Patience));
        var lines = help.Stdout.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains(usage, lines);
        Assert.DoesNotContain("]]", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("Configuration settings for this run, as in appsettings.json (README, Configuration):", lines);
        Assert.DoesNotContain("Arguments passed to the application that is being run.", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verb_that_takes_no_settings_shows_no_additional_arguments()
    {
        await using var help = ProfileHubProcess.Start(_workingDirectory.Root, args: ["match", "--help"]);

        Assert.Equal(0, await help.WaitForExitAsync(Patience));
        Assert.Contains("profilehub match [options]", help.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("additional arguments", help.Stdout, StringComparison.OrdinalIgnoreCase);
    }
}
