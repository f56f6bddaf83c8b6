using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ProfileHub.Server.Hosting;

/// <summary>
/// `--help` for every verb: System.CommandLine's own text with two corrections (its help builder is not public,
/// so the text is corrected once written). Its usage line closes the additional-arguments bracket twice
/// (`[[--] &lt;additional arguments&gt;...]]`, a typo in System.CommandLine 3.0.0's resources), and it calls those
/// arguments ones "passed to the application that is being run", where ProfileHub reads them as configuration.
/// </summary>
internal sealed class CommandLineHelp(HelpAction help) : SynchronousCommandLineAction
{
    private static readonly (string Written, string Meant)[] Corrections =
    [
        ("...]]", "...]"),
        ("Arguments passed to the application that is being run.",
            "Configuration settings for this run, as in appsettings.json (README, Configuration):" + Environment.NewLine +
            "  --ProfileHub:Database:Provider=postgres, --Logging:LogLevel:Default=Debug, --urls http://localhost:5080 (serve), ..."),
    ];

    public override bool ClearsParseErrors => help.ClearsParseErrors;

    /// <summary>Gives the root command's help option (which every subcommand inherits) this action.</summary>
    public static void Install(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new CommandLineHelp((HelpAction)option.Action!);
    }

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);

        // The help action writes to the invocation's output; it is lent a buffer for the one call.
        var invocation = parseResult.InvocationConfiguration;
        var output = invocation.Output;
        using var text = new StringWriter();
        invocation.Output = text;
        int exitCode;
        try
        {
            exitCode = help.Invoke(parseResult);
        }
        finally
        {
            invocation.Output = output;
        }

        output.Write(Corrections.Aggregate(text.ToString(), (written, c) => written.Replace(c.Written, c.Meant, StringComparison.Ordinal)));
        return exitCode;
    }
}
