namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>
/// graphql-js's introspection query as the standard clients send it, generated once per test run from the pinned npm
/// package (graphql 17.1.0) by tests/conformance/graphql/introspection-queries.mjs, never pasted: a new graphql-js
/// version brings its own query here.
/// </summary>
internal static class StandardIntrospectionQueries
{
    /// <summary>The variants the script writes (each file is <c>{name}.graphql</c>).</summary>
    public static readonly string[] Variants = ["default", "no-descriptions", "graphiql", "every-option"];

    private static readonly Lazy<Task<string>> Folder = new(GenerateAsync);

    public static async Task<string> ReadAsync(string variant) => await File.ReadAllTextAsync(Path.Combine(await Folder.Value, variant + ".graphql"));

    private static async Task<string> GenerateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("introspection-queries-").FullName;
        var (exitCode, output) = await NodeScript.RunAsync("introspection-queries.mjs", folder);
        return exitCode == 0 ? folder : throw new InvalidOperationException("introspection-queries.mjs failed:\n" + output);
    }
}
