using System.CommandLine;
using ProfileHub.Server.Resolve;

// The `profilehub` executable: each area contributes its verb; `serve` is the default.
var root = new RootCommand("ProfileHub unifies customer records from every channel into golden profiles.");
root.Subcommands.Add(ResolveVerb.Create());
return await root.Parse(args).InvokeAsync();
