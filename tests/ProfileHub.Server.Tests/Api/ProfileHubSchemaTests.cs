using System.Runtime.CompilerServices;
using ProfileHub.Server.Api;

namespace ProfileHub.Server.Tests.Api;

/// <summary>
/// The API's SDL is reviewed like code: any change to the schema shows up as a diff of schema.graphql in the
/// pull request. After a deliberate change, regenerate the snapshot with PROFILEHUB_UPDATE_SNAPSHOTS=1.
/// </summary>
public sealed class ProfileHubSchemaTests
{
    [Fact]
    public void The_schema_matches_the_reviewed_snapshot()
    {
        var printed = ProfileHubSchema.Build().ToSdl().ReplaceLineEndings("\n");
        var snapshot = Path.Combine(SourceDirectory(), "schema.graphql");
        if (Environment.GetEnvironmentVariable("PROFILEHUB_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(snapshot, printed);
        }

        Assert.True(File.Exists(snapshot), $"No snapshot at {snapshot}: run the tests once with PROFILEHUB_UPDATE_SNAPSHOTS=1 and review the file.");
        Assert.Equal(File.ReadAllText(snapshot).ReplaceLineEndings("\n"), printed);
    }

    [Fact]
    public void Every_root_field_and_type_of_the_api_is_described()
    {
        var schema = ProfileHubSchema.Build();
        var undocumented = new[] { schema.QueryType, schema.MutationType! }
            .SelectMany(root => root.Fields.Values.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{root.Name}.{f.Name}"))
            .ToList();

        Assert.Empty(undocumented);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
