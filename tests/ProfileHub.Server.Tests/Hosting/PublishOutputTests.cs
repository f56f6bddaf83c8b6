using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Hosting;

/// <summary>
/// What `dotnet publish` of the server (the Dockerfile's build step) ships: GraphiQL's browser assets embedded
/// in ProfileHub.GraphQL.dll. A build that could not fetch them fails (ProfileHub.GraphQL.csproj), and the
/// Dockerfile's build stage has npm to fetch them with.
/// </summary>
public sealed class PublishOutputTests : IDisposable
{
    private static readonly string[] GraphiQLAssets = ["graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js"];

    private readonly string _output = Directory.CreateTempSubdirectory("profilehub-publish-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task The_published_server_embeds_every_GraphiQL_asset()
    {
        await PublishAsync();

        // A load context of its own: the copy under test, not the one the test project references.
        var context = new AssemblyLoadContext("published", isCollectible: true);
        try
        {
            var graphQL = context.LoadFromAssemblyPath(Path.Combine(_output, "ProfileHub.GraphQL.dll"));
            foreach (var asset in GraphiQLAssets)
            {
                using var stream = graphQL.GetManifestResourceStream("GraphiQL/" + asset);
                Assert.True(stream is { Length: > 1000 }, $"GraphiQL/{asset} is missing from the published ProfileHub.GraphQL.dll");
            }
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void The_Dockerfile_build_stage_installs_npm_before_it_publishes()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "Dockerfile"));
        var build = Array.FindIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal) && l.Contains("/dotnet/sdk:", StringComparison.Ordinal));
        var npm = Array.FindIndex(lines, l => l.StartsWith("RUN ", StringComparison.Ordinal) && l.Contains("apt-get install", StringComparison.Ordinal) && l.Contains(" npm", StringComparison.Ordinal));
        var publish = Array.FindIndex(lines, l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));

        Assert.True(build >= 0 && build < npm && npm < publish, string.Join('\n', lines));
        Assert.DoesNotContain(lines[build..publish], l => l.StartsWith("FROM ", StringComparison.Ordinal) && l != lines[build]);
    }

    /// <summary>
    /// Publishes what this test run was built from (same configuration, --no-build): building again here would
    /// race the other tests for the same obj/ folders.
    /// </summary>
    private async Task PublishAsync()
    {
        var configuration = typeof(PublishOutputTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(Repository.Root, "src", "ProfileHub.Server"), "-c", configuration, "--no-build", "--nologo", "-v", "quiet", "-o", _output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await publish.WaitForExitAsync(deadline.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish exited with {publish.ExitCode}:\n{await output}\n{await errors}");
    }
}
