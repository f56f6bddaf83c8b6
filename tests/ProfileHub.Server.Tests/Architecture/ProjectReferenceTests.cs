using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProfileHub.Testing;

namespace ProfileHub.Server.Tests.Architecture;

/// <summary>
/// The references each project may have (docs/architecture.md): the rules and the GraphQL engine stand alone,
/// connectors know Core only, and only the host knows everything. Checked twice, because each check misses
/// what the other sees: a csproj reference whose types nobody uses yet leaves no trace in the compiled
/// assembly, and the compiled references show what the code uses, whatever the csproj files say.
/// </summary>
public sealed partial class ProjectReferenceTests
{
    // Every project the solution builds outside tests/ and bench/, and the ProfileHub projects it may reference.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["ProfileHub.Core"] = [],
        ["ProfileHub.GraphQL"] = [],
        ["ProfileHub.Connectors"] = ["ProfileHub.Core"],
        ["ProfileHub.Storage"] = ["ProfileHub.Core"],
        ["ProfileHub.SampleData"] = ["ProfileHub.Core"],
        ["ProfileHub.Server"] = ["ProfileHub.Core", "ProfileHub.Storage", "ProfileHub.GraphQL", "ProfileHub.Connectors"],
    };

    [Fact]
    public void Each_project_file_references_only_the_projects_its_layer_allows()
    {
        var projects = ProductionProjects();

        Assert.Equal(Allowed.Keys.Order(), projects.Keys.Order());
        var forbidden = projects.SelectMany(p => ProjectReferences(p.Value).Except(Allowed[p.Key]).Select(r => $"{p.Key} -> {r}")).ToList();
        Assert.True(forbidden.Count == 0, $"Forbidden project references: {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void Each_compiled_assembly_references_only_the_assemblies_its_layer_allows()
    {
        // The sample generator is a tool of its own, outside the host's build output; its csproj is checked above.
        var projects = ProductionProjects().Where(p => p.Key != "ProfileHub.SampleData").ToDictionary();
        var assemblies = projects.ToDictionary(p => AssemblyNameOf(p.Value), p => p.Key, StringComparer.Ordinal);

        var forbidden = new List<string>();
        foreach (var (assemblyName, project) in assemblies)
        {
            var referenced = Assembly.Load(new AssemblyName(assemblyName)).GetReferencedAssemblies()
                .Select(a => a.Name!)
                .Where(assemblies.ContainsKey)
                .Select(a => assemblies[a])
                .ToList();
            forbidden.AddRange(referenced.Except(Allowed[project]).Select(r => $"{project} -> {r}"));
        }

        Assert.Equal(["ProfileHub.Connectors", "ProfileHub.Core", "ProfileHub.GraphQL", "ProfileHub.Server", "ProfileHub.Storage"], assemblies.Values.Order());
        Assert.True(forbidden.Count == 0, $"Forbidden assembly references: {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void The_host_compiles_against_every_project_it_is_allowed_to_reference()
    {
        // Guards the check above against passing vacuously: the host's references are seen, so a forbidden one would be.
        var host = Assembly.Load(new AssemblyName(AssemblyNameOf(ProductionProjects()["ProfileHub.Server"])));

        Assert.Equal(
            ["ProfileHub.Connectors", "ProfileHub.Core", "ProfileHub.GraphQL", "ProfileHub.Storage"],
            host.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("ProfileHub.", StringComparison.Ordinal)).Order());
    }

    /// <summary>Project name to csproj path, for every project in ProfileHub.sln outside tests/ and bench/.</summary>
    private static Dictionary<string, string> ProductionProjects() =>
        SolutionProject().Matches(File.ReadAllText(Path.Combine(Repository.Root, "ProfileHub.sln")))
            .Select(m => m.Groups["path"].Value.Replace('\\', '/'))
            .Where(path => !path.StartsWith("tests/", StringComparison.Ordinal) && !path.StartsWith("bench/", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => Path.Combine(Repository.Root, path), StringComparer.Ordinal);

    private static IEnumerable<string> ProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

    private static string AssemblyNameOf(string csproj) =>
        XDocument.Load(csproj).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(csproj);

    [GeneratedRegex("""^Project\("[^"]+"\) = "[^"]+", "(?<path>[^"]+\.csproj)", """, RegexOptions.Multiline)]
    private static partial Regex SolutionProject();
}
