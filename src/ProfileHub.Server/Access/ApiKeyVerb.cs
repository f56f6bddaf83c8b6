using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Access;
using ProfileHub.Server.Hosting;
using ProfileHub.Server.Storage;
using ProfileHub.Storage;

namespace ProfileHub.Server.Access;

/// <summary>`profilehub apikey create|list|revoke`: API keys are managed from the command line, by an operator.</summary>
internal static class ApiKeyVerb
{
    public static Command Create()
    {
        var command = new Command("apikey", "Create, list and revoke API keys.");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(ListKeys());
        command.Subcommands.Add(RevokeKey());
        return command;
    }

    private static Command CreateKey()
    {
        var role = new Option<ApiRole>("--role") { Description = "marketing, steward, segmentation or admin", Required = true };
        var name = new Option<string>("--name") { Description = "who the key is for (shown in the audit trail)", Required = true };
        var command = new Command("create", "Create an API key and print its secret (shown once).") { role, name };
        command.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse, async (db, clock) =>
        {
            var (key, secret) = ApiKey.Create(parse.GetRequiredValue(name), parse.GetValue(role), clock.GetUtcNow());
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken);
            await Console.Out.WriteLineAsync(secret);
            await Console.Error.WriteLineAsync($"Created {key.Role.ToString().ToLowerInvariant()} key '{key.Name}'. Store it now: it cannot be shown again.");
        }, cancellationToken));
        return command;
    }

    private static Command ListKeys()
    {
        var command = new Command("list", "List API keys (never their secrets).");
        command.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse, async (db, _) =>
        {
            foreach (var key in await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken))
            {
                var state = key.RevokedAt is null ? "active" : $"revoked {key.RevokedAt:u}";
                await Console.Out.WriteLineAsync($"{key.Name}\t{key.Role.ToString().ToLowerInvariant()}\t{key.DisplayPrefix}…\tcreated {key.CreatedAt:u}\t{state}");
            }
        }, cancellationToken));
        return command;
    }

    private static Command RevokeKey()
    {
        var name = new Option<string>("--name") { Description = "the key's name", Required = true };
        var command = new Command("revoke", "Revoke every active key with this name.") { name };
        command.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse, async (db, clock) =>
        {
            var keyName = parse.GetRequiredValue(name);
            var keys = await db.ApiKeys.Where(k => k.Name == keyName && k.RevokedAt == null).ToListAsync(cancellationToken);
            if (keys.Count == 0)
            {
                throw new CommandLineException($"no active API key is named '{keyName}'");
            }

            keys.ForEach(k => k.Revoke(clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await Console.Error.WriteLineAsync($"Revoked {keys.Count} key(s) named '{keyName}'.");
        }, cancellationToken));
        return command;
    }

    private static async Task<int> WithDatabaseAsync(ParseResult parse, Func<ProfileHubDbContext, TimeProvider, Task> work, CancellationToken cancellationToken)
    {
        using var host = ProfileHubHost.BuildVerbHost([.. parse.UnmatchedTokens]);
        await host.Services.PrepareDatabaseAsync(cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ProfileHubDbContext>(), host.Services.GetRequiredService<TimeProvider>());
        return 0;
    }
}
