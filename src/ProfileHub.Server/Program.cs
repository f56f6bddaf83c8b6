using System.CommandLine;
using ProfileHub.Server.Access;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Ingestion;
using ProfileHub.Server.Matching;
using ProfileHub.Server.Privacy;
using ProfileHub.Server.Resolve;
using ProfileHub.Server.Segments;
using ProfileHub.Server.Storage;

// The `profilehub` executable: each area contributes its verb; `serve` is the default.
var root = new RootCommand("ProfileHub unifies customer records from every channel into golden profiles.");
ServeVerb.AddTo(root);
root.Subcommands.Add(MigrateVerb.Create());
root.Subcommands.Add(ApiKeyVerb.Create());
root.Subcommands.Add(ResolveVerb.Create());
root.Subcommands.Add(MatchVerb.Create());
root.Subcommands.Add(ImportVerb.Create());
root.Subcommands.Add(AudienceVerb.Create());
root.Subcommands.Add(SubjectVerb.Create());
root.Subcommands.Add(RetentionVerb.Create());
CommandLineHelp.Install(root);
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
return await StartupErrors.RunAsync(() => root.Parse(args).InvokeAsync(invocation));
